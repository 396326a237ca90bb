# Thông báo của kieumau bằng tiếng Việt. Mỗi mã (id) ở đây cũng có trong en.ftl (có kiểm thử).
# Mã lỗi và id: src/messages/codes.rs. Thuật ngữ: docs/glossary.md.

## Tổng kết và kết quả lệnh
summary-counts = { $errors } lỗi, { $warnings } cảnh báo
check-ok = đạt: { $summary }
check-failed = không đạt: { $summary }
failed-content = không thành công: { $summary }; không có gì bị thay đổi
failed-theme = lỗi: { $message }
    không có gì bị thay đổi
failed-io = lỗi: { $message }
in-file = trong tệp { $file }
hint-label = gợi ý: { $hint }
explain-usage = không có mã `{ $code }`; các mã gần nhất: { $nearest }
explain-heading = { $code }: { $message }
explain-hint-heading = Cách sửa:

## Kiểu giá trị TOML (trong "phải là …, không phải …")
type-string = chuỗi văn bản
type-integer = số nguyên
type-float = số
type-boolean = true/false
type-date = ngày tháng
type-list = danh sách
type-table = bảng
expect-string = chuỗi văn bản đặt trong dấu ngoặc kép
expect-integer = số nguyên
expect-boolean = true hoặc false (không có dấu ngoặc kép)
expect-list = danh sách trong dấu ngoặc vuông [ ]
expect-table = bảng

## Các bảng trong tệp nội dung (trong "khóa … không có trong …")
what-site = site.toml
what-district = district.toml
what-criteria = tệp khung tiêu chí
what-group = nhóm tiêu chí
what-criterion = tiêu chí
what-veto = điều kiện loại trừ
what-front-matter = phần đầu (front matter)
what-rating = mức xếp loại
what-branch-type = loại hình chi bộ
what-subtype = loại hình chi tiết
what-target = chỉ tiêu
what-pilots = [pilots]
what-excellent-cap = [excellent_cap]
what-district-level = [district_level]
what-kind = loại đơn vị
what-branch = tệp chi bộ
what-assessment = kết quả đánh giá

## KM00xx: tệp
too-many-problems = tệp có hơn { $max } lỗi; chỉ hiện các lỗi đầu tiên
too-many-problems-hint = sửa các lỗi này rồi kiểm tra lại, hoặc xem lại có đúng tệp không
too-many-problems-explain = kieumau chỉ liệt kê 200 lỗi đầu tiên của một tệp: tệp có nhiều lỗi như vậy thường là nhầm tệp (dán cả một văn bản, lưu bảng tính dưới tên .toml). Sửa các lỗi đã hiện rồi kiểm tra lại.
    Trước: một tệp chi bộ chứa cả bảng tính xuất ra.
    Sau:   mỗi tệp một chi bộ, như content/districts/<đơn-vị>/<chi-bộ>.toml.
not-utf8 = tệp không đúng bảng mã UTF-8 (byte sai đầu tiên ở dòng { $line }, cột { $column })
not-utf8-hint = lưu lại tệp theo bảng mã UTF-8: trong Notepad chọn File › Save As, mục Encoding chọn UTF-8; trong Excel chọn Save As, kiểu "CSV UTF-8". Không dùng được bảng mã TCVN3 và VNI
not-utf8-explain = Tệp nội dung phải lưu theo bảng mã UTF-8, bảng mã có đủ mọi chữ tiếng Việt. Tệp lưu theo TCVN3, VNI hay Windows-1258 bị lỗi chữ và không đọc được.
    Trước: tệp do trình soạn thảo cũ lưu kiểu "ANSI".
    Sau:   lưu lại chính tệp đó với Encoding: UTF-8 (Notepad) hoặc kiểu "CSV UTF-8" (Excel).
nul-byte = tệp có byte NUL: đây có vẻ là tệp nhị phân, không phải văn bản
nul-byte-hint = lưu lại tệp dưới dạng văn bản thuần, bảng mã UTF-8
nul-byte-explain = Tệp chứa byte 0, điều không có trong văn bản: có thể đây là tệp Word, ảnh hoặc bản sao hỏng được đặt tên .toml hay .md.
    Trước: tệp .docx đổi tên thành chi-bo.toml.
    Sau:   tệp văn bản thuần soạn bằng Notepad hoặc trình soạn thảo văn bản, lưu theo UTF-8.
empty-file = tệp trống
empty-file-hint = nhập nội dung vào tệp, hoặc xóa tệp nếu không cần
empty-file-explain = Tệp không có nội dung. Tệp chi bộ, tệp đơn vị hay tệp khung tiêu chí phải có các khóa của nó.
    Trước: tệp thuong-phuc.toml để trống.
    Sau:   name = "Chi bộ thôn Thượng Phúc"
           type = "khu-dan-cu"

## KM01xx: cú pháp TOML
toml-syntax = lỗi cú pháp TOML: { $detail }
toml-syntax-hint = mỗi dòng viết `khóa = giá trị`; văn bản đặt trong dấu ngoặc kép thẳng "…", số thập phân viết bằng dấu chấm (8.5), tên mục viết [tên] hoặc [[tên]]
toml-syntax-explain = Tệp không đúng định dạng TOML nên chưa đọc được phần nào cho đến khi sửa chỗ được chỉ ra.
    Trước: name = Chi bộ thôn Thượng Phúc
    Sau:   name = "Chi bộ thôn Thượng Phúc"
toml-decimal-comma = dùng dấu phẩy thập phân: số trong TOML phải viết bằng dấu chấm
toml-decimal-comma-hint = viết { $fixed } thay cho { $written }
toml-decimal-comma-explain = Trong TOML, dấu phẩy dùng để ngăn cách các phần tử của danh sách hay bảng, nên 8,5 bị đọc thành số 8 và một số 5 thừa. Số thập phân phải viết bằng dấu chấm.
    Trước: scores = { "{" } "2.1" = 8,5 { "}" }
    Sau:   scores = { "{" } "2.1" = 8.5 { "}" }
toml-curly-quotes = dấu ngoặc kép cong (“ ” hoặc ‘ ’) không phải dấu ngoặc của TOML
toml-curly-quotes-hint = gõ lại bằng dấu ngoặc kép thẳng "…"; trình soạn thảo văn bản như Word tự đổi thành dấu cong, nên hãy sửa tệp nội dung bằng Notepad hoặc trình soạn thảo văn bản thuần
toml-curly-quotes-explain = Word và các trình soạn thảo văn bản tự thay dấu ngoặc kép thẳng " bằng dấu cong “ ”. TOML chỉ hiểu dấu ngoặc kép thẳng.
    Trước: name = “Chi bộ thôn Thượng Phúc”
    Sau:   name = "Chi bộ thôn Thượng Phúc"
toml-unclosed-quote = thiếu dấu ngoặc kép đóng
toml-unclosed-quote-hint = kết thúc văn bản bằng dấu " trên cùng dòng
toml-unclosed-quote-explain = Giá trị văn bản mở bằng dấu " thì phải đóng bằng dấu " trên cùng dòng.
    Trước: name = "Chi bộ thôn Thượng Phúc
    Sau:   name = "Chi bộ thôn Thượng Phúc"
toml-missing-equals = khóa thiếu dấu `=`
toml-missing-equals-hint = viết khóa, dấu = rồi đến giá trị: `{ $key } = …`
toml-missing-equals-explain = Mỗi dòng trong bảng TOML gồm khóa, dấu bằng và giá trị.
    Trước: members 38
    Sau:   members = 38
toml-duplicate-key = khóa `{ $key }` được viết hai lần
toml-duplicate-key-hint = giữ lại một dòng `{ $key }` và xóa dòng kia
toml-duplicate-key-explain = Mỗi khóa chỉ được viết một lần trong một bảng: kieumau không biết giá trị nào là đúng.
    Trước: members = 38
           members = 40
    Sau:   members = 40
toml-duplicate-table = mục [{ $table }] được mở hai lần
toml-duplicate-table-hint = gộp hai mục [{ $table }] làm một; nếu là danh sách nhiều mục thì viết [[{ $table }]] với hai dấu ngoặc vuông
toml-duplicate-table-explain = Mỗi mục [tên] chỉ được mở một lần trong tệp. Các mục lặp lại (mức xếp loại, kết quả đánh giá) viết với hai dấu ngoặc vuông.
    Trước: [pilots]
           per_type = [1, 3]
           { "[" }pilots]
    Sau:   [pilots]
           per_type = [1, 3]
assessment-without-year = một mục [[assessments]] thiếu năm (`year`)
assessment-without-year-hint = thêm dòng `year = { $example }` ngay dưới [[assessments]]
assessment-without-year-explain = Mỗi mục [[assessments]] là kết quả đánh giá của một năm, nên phải ghi rõ năm nào.
    Trước: [[assessments]]
           rating = "HTTNV"
    Sau:   [[assessments]]
           year = 2024
           rating = "HTTNV"

## KM02xx: khóa và giá trị
unknown-key = khóa `{ $key }` không có trong { $what }
unknown-key-near = có phải là `{ $near }`? Các khóa của { $what }: { $allowed }
unknown-key-list = các khóa của { $what }: { $allowed }
unknown-key-explain = kieumau không biết khóa này trong bảng. Khóa lạ bị báo lỗi chứ không bị bỏ qua, để một lỗi gõ không làm mất số liệu mà không ai hay.
    Trước: membres = 38
    Sau:   members = 38
more-unknown-keys = còn { $count } khóa không hợp lệ khác trong { $what }
more-unknown-keys-hint = các khóa của { $what }: { $allowed }
more-unknown-keys-explain = Một bảng có nhiều khóa không hợp lệ: chỉ liệt kê từng khóa đầu tiên. Hãy xem lại có đúng tệp không và các khóa có viết đúng như trong README không.
    Trước: dán dòng tiêu đề của bảng tính làm khóa.
    Sau:   chỉ dùng các khóa nêu trong gợi ý.
missing-key = thiếu khóa `{ $key }` trong { $what }
missing-key-hint = thêm một dòng như `{ $key } = { $example }`
missing-key-explain = Bảng này cần có khóa được nêu.
    Trước: [[assessments]]
           year = 2024
    Sau:   [[assessments]]
           year = 2024
           rating = "HTTNV"
wrong-type = `{ $key }` phải là { $expected }, không phải { $found }
wrong-type-hint = viết như sau: `{ $key } = { $example }`
wrong-type-explain = Giá trị sai kiểu: văn bản phải có dấu ngoặc kép, số và true/false thì không, danh sách đặt trong dấu ngoặc vuông [ ].
    Trước: members = "38"
    Sau:   members = 38
empty-text = `{ $key }` để trống
empty-text-hint = viết như sau: `{ $key } = { $example }`
empty-text-explain = Tên và tiêu đề không được để trống vì được hiển thị trên các trang.
    Trước: name = ""
    Sau:   name = "Chi bộ thôn Thượng Phúc"
control-char = `{ $key }` chứa ký tự điều khiển ({ $char })
control-char-hint = tên và tiêu đề là một dòng văn bản thuần: bỏ dấu tab, dấu xuống dòng và các mã \u
control-char-explain = Tên hoặc tiêu đề chứa dấu tab, dấu xuống dòng hay ký tự ẩn khác, thường do dán từ bảng tính.
    Trước: name = "Chi bộ\tthôn Thượng Phúc"
    Sau:   name = "Chi bộ thôn Thượng Phúc"
text-too-long = `{ $key }` quá dài ({ $chars } ký tự; tối đa { $max })
text-too-long-hint = rút gọn lại; nội dung dài hơn nên viết trong tệp ghi chú Markdown bên cạnh
text-too-long-explain = Tên, tiêu đề và mã đều ngắn; văn bản dài thường là do dán cả đoạn. Hãy đưa vào tệp ghi chú (tệp .md cạnh tệp .toml).
    Trước: name = "Chi bộ thôn Thượng Phúc, thành lập năm 1947, …"
    Sau:   name = "Chi bộ thôn Thượng Phúc", còn lịch sử ghi trong thuong-phuc.md
integer-out-of-range = `{ $key }` = { $value } nằm ngoài giới hạn cho phép ({ $min }..={ $max })
integer-out-of-range-hint = viết một số nguyên từ { $min } đến { $max }
integer-out-of-range-explain = Số nguyên nằm ngoài khoảng giá trị mà khóa này cho phép.
    Trước: members = -3
    Sau:   members = 38
not-a-table-list = `{ $key }` phải là danh sách các bảng, không phải { $found }
not-a-table-list-sections = viết mỗi mục thành một phần bắt đầu bằng dòng { $example } (hai dấu ngoặc vuông)
not-a-table-list-explain = Khóa này gồm nhiều mục, mỗi mục là một phần riêng mở bằng hai dấu ngoặc vuông.
    Trước: ratings = "HTXSNV"
    Sau:   [[ratings]]
           code = "HTXSNV"
           name = "Hoàn thành xuất sắc nhiệm vụ"
entry-not-table = mỗi mục của `{ $key }` phải là một bảng, không phải { $found }
entry-not-table-hint = viết các mục thành từng phần [[{ $key }]]
entry-not-table-explain = Mỗi mục của danh sách này là một bảng (một phần có các khóa riêng).
    Trước: assessments = [2024]
    Sau:   [[assessments]]
           year = 2024
entry-not-string = các mục của `{ $key }` phải là chuỗi văn bản, không phải { $found }
entry-not-string-hint = viết như sau: `{ $key } = { $example }`
entry-not-string-explain = Danh sách gồm các mã, mỗi mã đặt trong dấu ngoặc kép.
    Trước: vetoes = [ky-luat]
    Sau:   vetoes = ["ky-luat"]
number-not-decimal = `{ $key }` = { $value } không phải số thập phân
number-not-decimal-hint = viết số bằng chữ số thập phân, ví dụ 8.5
number-not-decimal-explain = Số phải viết bằng chữ số thập phân; không dùng dạng thập lục phân, bát phân hay nhị phân.
    Trước: "1.1" = 0x9
    Sau:   "1.1" = 9
not-a-number = `{ $key }` phải là số, không phải { $found }
not-a-number-hint = viết số không có dấu ngoặc kép, phần thập phân sau dấu chấm: 8.5
not-a-number-explain = Điểm là một số, viết không có dấu ngoặc kép.
    Trước: "1.1" = "8.5"
    Sau:   "1.1" = 8.5
too-many-decimals = `{ $key }` = { $value } có quá hai chữ số thập phân
too-many-decimals-hint = làm tròn đến hai chữ số thập phân, ví dụ 8.25
too-many-decimals-explain = Điểm có tối đa hai chữ số thập phân để mọi phép cộng đều chính xác.
    Trước: "1.1" = 8.333
    Sau:   "1.1" = 8.33
number-not-finite = `{ $key }` = { $value } không phải là số
number-not-finite-hint = viết một số bình thường, ví dụ 8.5
number-not-finite-explain = inf và nan không phải là điểm.
    Trước: "1.1" = nan
    Sau:   "1.1" = 8.5
number-exponent = `{ $key }` = { $value } viết dạng lũy thừa
number-exponent-hint = viết số đầy đủ, ví dụ 10 thay cho 1e1
number-exponent-explain = Viết số đầy đủ, không dùng dạng lũy thừa.
    Trước: "2.1" = 1.8e1
    Sau:   "2.1" = 18
number-too-large = `{ $key }` = { $value } quá lớn
number-too-large-hint = kiểm tra lại con số
number-too-large-explain = Số lớn hơn nhiều so với mọi điểm hay số lượng có thể có.
    Trước: "2.1" = 18000000000000
    Sau:   "2.1" = 18
number-malformed = `{ $key }` = { $value } không phải số thập phân thông thường
number-malformed-hint = viết như sau: 8.5
number-malformed-explain = Viết số thập phân thông thường, dùng dấu chấm.
    Trước: "2.1" = +.5
    Sau:   "2.1" = 0.5

## Dòng lệnh (--help)
help-kieumau = Tạo trang báo cáo tĩnh về xây dựng mô hình chi bộ kiểu mẫu
help-heading-usage = Cách dùng
help-heading-commands = Các lệnh
help-heading-options = Tùy chọn
help-heading-arguments = Tham số
help-value-command = LỆNH
help-arg-help = Hiện hướng dẫn sử dụng
help-arg-version = Hiện số phiên bản
help-arg-root = Thư mục của trang (chứa thư mục content/)
help-arg-lang = Ngôn ngữ của thông báo: vi hoặc en (mặc định: ngôn ngữ của trang)
help-arg-output = Nơi ghi trang (mặc định: <root>/output)
help-arg-year = Năm
help-check = Kiểm tra nội dung và báo mọi lỗi, không tạo trang
help-check-strict = Coi cảnh báo là lỗi
help-check-format = Dạng báo cáo lỗi (json: mỗi dòng một đối tượng)
help-build = Tạo trang vào thư mục output/ (thay toàn bộ, chỉ khi tạo thành công)
help-build-base_url = Địa chỉ gốc của trang khi công bố ("" = đường dẫn tương đối)
help-serve = Tạo trang, mở trang trên máy này, tự tạo lại và tải lại trang khi nội dung thay đổi
help-serve-port = Cổng lắng nghe (0: cổng trống bất kỳ)
help-serve-bind = Địa chỉ lắng nghe; mặc định chỉ mở trang trên máy này
help-snapshot = Chụp lại nội dung hiện tại vào snapshots/<ngày>-<mã>/ (không bao giờ bị ghi đè)
help-snapshot-label = Tên bản chụp, ví dụ "Sơ kết năm 2024"
help-snapshot-unlisted = Thêm mã khó đoán vào tên thư mục và không đưa vào danh sách bản chụp
help-booklet = In tài liệu sơ kết, tổng kết của năm ra tệp PDF bằng Chromium chạy ẩn
help-booklet-year = Năm sơ kết, tổng kết
help-booklet-pdf = Nơi ghi tệp PDF
help-booklet-chromium = Chương trình Chromium dùng để in (mặc định: KIEUMAU_CHROMIUM, rồi chromium trong PATH)
help-booklet-timeout = Dừng in sau chừng này giây
help-import = Nhập bảng kết quả đánh giá của một năm (CSV hoặc XLSX, theo mẫu data/scores-<năm>.csv) vào các tệp chi bộ; ghi tất cả hoặc không ghi gì
help-import-file = Bảng tính: tệp .csv (ngăn cách bằng dấu phẩy hoặc chấm phẩy) hoặc sổ tính .xlsx
help-import-year = Năm đánh giá của bảng
help-import-dry_run = Chỉ hiện những gì sẽ thay đổi, không ghi gì
help-import-sheet = Trang tính cần đọc trong sổ tính (mặc định: trang đầu tiên)
help-init = Tạo trang mới có ví dụ nhỏ trong thư mục DIR (thư mục phải trống hoặc chưa có)
help-init-dir = Thư mục của trang mới (tính từ --root)
help-explain = Giải thích một mã lỗi (ví dụ KM0101): ý nghĩa và cách sửa
help-explain-code = Mã lỗi, như trong báo cáo của `kieumau check`

## Danh sách giá trị hợp lệ trong gợi ý
known-many = { $first }, … (tất cả { $count })
known-near = có phải là `{ $near }`? Các giá trị hợp lệ: { $list }
known-none = chưa có giá trị nào được khai báo
known-list = các giá trị hợp lệ: { $list }

## Kết quả của các lệnh
build-done = Đã tạo { $pages } trang, { $charts } biểu đồ, { $files } tệp{ $unchanged } trong { $elapsed } vào { $output }{ $problems }
build-unchanged = {" "}({ $written } tệp ghi mới, { $carried } tệp giữ nguyên)
snapshot-created = Đã tạo bản chụp: snapshots/{ $id }/ ({ $label })
snapshot-existing = Nội dung không đổi: bản chụp snapshots/{ $id }/ ({ $label }) đã có nội dung này; không tạo bản chụp mới
booklet-printed = Đã in tài liệu năm { $year } ra tệp { $pdf } trong { $elapsed }
severity-error = lỗi
severity-warning = cảnh báo
help-possible = một trong: { $values }
help-default = mặc định: { $value }

## Assessment rules shared by check and import (domain/rules.rs), and score sheets (import)
score-negative = điểm { $value } của `{ $id }` là số âm
score-negative-hint = điểm nằm trong khoảng từ 0 đến { $max }
score-negative-explain = Điểm nằm trong khoảng từ 0 đến mức tối đa của tiêu chí.
    Trước: "1.1" = -5
    Sau:   "1.1" = 5
score-above-max = điểm { $value } của `{ $id }` vượt mức tối đa { $max }
score-above-max-hint = điểm nằm trong khoảng từ 0 đến { $max }
score-above-max-explain = Điểm không được vượt mức tối đa mà tệp tiêu chí của năm đặt cho tiêu chí đó.
    Trước: "1.1" = 12   (max = 10)
    Sau:   "1.1" = 10
sheet-mangled-header = { $count } tiêu đề tiêu chí đã bị bảng tính đổi thành số hoặc ngày ({ $shown }), nên không khớp được các cột với các tiêu chí { $ids }
sheet-mangled-header-hint = định dạng hàng tiêu đề là Văn bản (Text) trước khi gõ mã tiêu chí (hoặc gõ dấu nháy đơn trước: '5.10), hoặc nhập tệp CSV với các cột ở dạng Văn bản
sheet-mangled-header-explain = Bảng tính đổi 5.10 thành số 5.1 và 1.1 thành ngày tháng, nên hàng tiêu đề không còn ghi mã tiêu chí. Ô tiêu đề của mẫu nhập là văn bản.
    Trước: district | branch | rating | vetoes | 01-Jan | 5.1
    Sau:   district | branch | rating | vetoes | 1.1 | 5.10
sheet-ambiguous-number = "{ $text }" không rõ nghĩa: có thể là dấu phân cách hàng nghìn hoặc ba chữ số thập phân
sheet-ambiguous-number-hint = điểm có nhiều nhất hai chữ số thập phân: viết 1 hoặc 1000 không có dấu phân cách, hoặc 8,5
sheet-ambiguous-number-explain = Với ba chữ số sau dấu phẩy hoặc dấu chấm, ô có thể là một nghìn hoặc một số thập phân. Kieumau từ chối thay vì đoán.
    Trước: 1,000
    Sau:   1 (hoặc 1000)
sheet-rating-names = viết mã hoặc tên đầy đủ: { $names }
import-put-back = { $count } tệp đã thay được trả lại như cũ; không tệp nào bị thay đổi
import-not-put-back = không trả lại được các tệp sau, chúng đang giữ giá trị mới: { $files }
import-cannot-replace = không thay được { $file }: { $error }; { $state }
