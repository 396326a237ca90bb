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
failure-code = mã { $code }: xem `kieumau explain { $code }`
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
what-signer = người ký (signer = role và name)
what-rating = mức xếp loại
what-branch-type = loại hình chi bộ
what-subtype = loại hình chi tiết
what-target = chỉ tiêu
what-pilots = [pilots]
what-excellent-cap = [excellent_cap]
what-district-level = [district_level]
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
toml-syntax = lỗi cú pháp TOML (trình đọc TOML báo bằng tiếng Anh: { $detail })
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
help-booklet = Tạo báo cáo sơ kết, tổng kết của năm: tệp PDF in bằng Chromium chạy ẩn (--pdf), tệp Word để sửa (--docx), hoặc cả hai
help-booklet-year = Năm sơ kết, tổng kết
help-booklet-pdf = Nơi ghi tệp PDF
help-booklet-chromium = Chương trình Chromium dùng để in (mặc định: KIEUMAU_CHROMIUM, rồi chromium trong PATH)
help-booklet-timeout = Dừng in sau chừng này giây
help-import = Nhập bảng kết quả đánh giá của một năm (CSV hoặc XLSX, theo mẫu data/scores-<năm>.csv, hoặc sổ tính của `kieumau forms`) hoặc danh sách chi bộ vào các tệp chi bộ; ghi tất cả hoặc không ghi gì
help-import-files = Các bảng tính: tệp .csv (ngăn cách bằng dấu phẩy hoặc chấm phẩy) hoặc sổ tính .xlsx; nhiều tệp được kiểm tra cùng nhau
help-import-year = Năm đánh giá của các bảng (danh sách chi bộ không cần)
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
    Đường dẫn để gửi (sau khi chạy `kieumau build` và đăng trang): { $link }
snapshot-label-not-used = nhãn "{ $asked }" không được dùng: bản chụp không bao giờ bị sửa, nên nhãn vẫn là "{ $label }"; muốn chụp cùng nội dung với nhãn khác thì phải có thay đổi trong nội dung
snapshot-existing = Nội dung không đổi: bản chụp snapshots/{ $id }/ ({ $label }) đã có nội dung này; không tạo bản chụp mới
    Đường dẫn để gửi: { $link }
booklet-printed = Đã in tài liệu năm { $year } ra tệp { $pdf } trong { $elapsed }
severity-error = lỗi
severity-warning = cảnh báo
help-possible = một trong: { $values }
help-default = mặc định: { $value }

## KM03xx: chi bộ và các mã tham chiếu
unknown-type = không có loại hình chi bộ `{ $value }`
unknown-type-explain = `type` của chi bộ là mã (slug) của một loại hình trong [[branch_types]] của site.toml.
    Trước: type = "khu dan cu"
    Sau:   type = "khu-dan-cu"
unknown-subtype = loại hình chi bộ `{ $type }` không có loại hình chi tiết `{ $value }`
unknown-subtype-explain = `subtype` của chi bộ là mã của một loại hình chi tiết thuộc loại hình của chi bộ trong site.toml.
    Trước: subtype = "thon-xom"
    Sau:   subtype = "thon"
missing-subtype = thiếu khóa `subtype`: loại hình chi bộ `{ $type }` có các loại hình chi tiết
missing-subtype-hint = thêm `subtype = "{ $first }"`; các giá trị hợp lệ: { $known }
missing-subtype-explain = Loại hình chi bộ này chia thành các loại hình chi tiết, nên mỗi chi bộ phải ghi rõ thuộc loại nào.
    Trước: type = "khu-dan-cu"
    Sau:   type = "khu-dan-cu"
           subtype = "thon"
too-many-assessments = { $count } kết quả đánh giá, vượt giới hạn { $max }
too-many-assessments-hint = mỗi chi bộ có nhiều nhất một mục [[assessments]] cho mỗi năm; hãy xem lại đây có đúng là tệp chi bộ không
too-many-assessments-explain = Mỗi năm chi bộ có một kết quả đánh giá, nên có đến hàng trăm kết quả nghĩa là nhầm tệp.
    Trước: tệp có hàng nghìn mục [[assessments]].
    Sau:   mỗi năm của đề án một mục [[assessments]].
second-assessment = năm { $year } có hai kết quả đánh giá
second-assessment-hint = mỗi năm chi bộ có một kết quả đánh giá: gộp hai mục lại hoặc sửa lại năm
second-assessment-explain = Hai mục [[assessments]] của cùng một chi bộ ghi cùng một năm.
    Trước: [[assessments]]
           year = 2024
           …
           { "[" }[assessments]]
           year = 2024
    Sau:   mục thứ hai ghi year = 2025, hoặc gộp hai mục làm một.
assessment-gap = không có kết quả đánh giá năm { $missing } (thiếu giữa năm { $before } và năm { $after })
assessment-gap-hint = thêm mục [[assessments]] của năm còn thiếu, hoặc kiểm tra lại các năm
assessment-gap-explain = Chi bộ có kết quả đánh giá trước và sau một năm nhưng thiếu năm đó. Đây là cảnh báo: trang vẫn được tạo, và chi bộ không được tính trong năm thiếu.
    Trước: có kết quả năm 2022 và năm 2024.
    Sau:   có kết quả các năm 2022, 2023 và 2024.
unknown-rating = không có mức xếp loại `{ $value }`
unknown-rating-explain = `rating` là mã của một mức xếp loại trong [[ratings]] của site.toml.
    Trước: rating = "HTTTNV"
    Sau:   rating = "HTTNV"
no-framework-for-year = năm { $year } chưa có khung tiêu chí áp dụng
no-framework-for-year-hint = thêm tệp criteria/{ $year }.toml hoặc một khung sớm hơn (khung đầu tiên áp dụng từ năm { $first })
no-framework-for-year-explain = Điểm được đối chiếu với khung tiêu chí áp dụng trong năm: tệp criteria/<năm>.toml có năm gần nhất không sau năm đánh giá.
    Trước: có kết quả năm 2021 nhưng chỉ có criteria/2022.toml.
    Sau:   thêm criteria/2021.toml, hoặc sửa lại năm đánh giá.
veto-twice = điều kiện loại trừ `{ $id }` được ghi hai lần
veto-twice-hint = mỗi điều kiện loại trừ chỉ ghi một lần
veto-twice-explain = Mỗi mã điều kiện loại trừ chỉ xuất hiện một lần trong `vetoes` của một kết quả đánh giá.
    Trước: vetoes = ["ky-luat", "ky-luat"]
    Sau:   vetoes = ["ky-luat"]
unknown-veto = khung tiêu chí năm { $year } không có điều kiện loại trừ `{ $id }`
unknown-veto-explain = `vetoes` ghi các mã trong [[vetoes]] của khung tiêu chí năm đó.
    Trước: vetoes = ["kyluat"]
    Sau:   vetoes = ["ky-luat"]

## KM04xx: điểm
criterion-not-for-type = tiêu chí `{ $id }` của khung tiêu chí năm { $year } không áp dụng cho loại hình chi bộ `{ $type }`
criterion-not-for-type-hint = bỏ điểm này; tiêu chí dành cho các loại hình chi bộ khác
criterion-not-for-type-explain = Tiêu chí có danh sách `types` trong khung tiêu chí không gồm loại hình của chi bộ này, nên chi bộ không chấm điểm tiêu chí đó.
    Trước: scores = { "{" } "1.1" = 9, "5.3" = 4 { "}" }
    Sau:   scores = { "{" } "1.1" = 9 { "}" }
unknown-criterion = khung tiêu chí năm { $year } không có tiêu chí `{ $id }`
unknown-criterion-explain = Khóa của mỗi điểm là mã một tiêu chí của khung tiêu chí năm đó (đặt trong dấu ngoặc kép, như "1.1").
    Trước: scores = { "{" } "1.10" = 9 { "}" }
    Sau:   scores = { "{" } "1.1" = 9 { "}" }
score-negative = điểm { $score } của tiêu chí `{ $id }` là số âm
score-range-hint = điểm nằm trong khoảng từ 0 đến { $max }
score-negative-explain = Điểm nằm trong khoảng từ 0 đến điểm tối đa của tiêu chí.
    Trước: "1.1" = -2
    Sau:   "1.1" = 2
score-above-max = điểm { $score } của tiêu chí `{ $id }` vượt điểm tối đa { $max }
score-above-max-explain = Điểm không được vượt điểm tối đa (`max`) của tiêu chí trong khung tiêu chí.
    Trước: "2.1" = 46   (max = 45)
    Sau:   "2.1" = 45
missing-scores = thiếu điểm của tiêu chí { $missing }
missing-scores-hint = mọi tiêu chí của khung tiêu chí năm { $year } áp dụng cho loại hình `{ $type }` đều phải có điểm: { $all }
missing-scores-explain = Mọi tiêu chí áp dụng cho loại hình của chi bộ trong khung tiêu chí năm đó đều cần có điểm (ghi 0 nếu không đạt điểm nào).
    Trước: scores = { "{" } "1.1" = 9 { "}" }
    Sau:   scores = { "{" } "1.1" = 9, "1.2" = 0 { "}" }

## KM031x–KM032x: thiết lập của trang và khung tiêu chí
what-language = ngôn ngữ
what-metric = chỉ số
what-scope = phạm vi
what-group-ref = nhóm tiêu chí
what-level = cấp chi bộ
unknown-value = không có { $what } `{ $value }`
unknown-value-explain = Giá trị không thuộc các giá trị mà khóa này cho phép; gợi ý liệt kê các giá trị đó.
    Trước: language = "vn"
    Sau:   language = "vi"
defined-twice = { $what } `{ $id }` được khai báo hai lần
defined-twice-hint = mỗi mã chỉ khai báo một lần: xóa hoặc đổi mã của mục thứ hai
defined-twice-explain = Mã và slug là duy nhất ở nơi khai báo: kieumau không biết mục nào là đúng.
    Trước: hai mục [[ratings]] cùng code = "HTTNV"
    Sau:   một mục [[ratings]] với code = "HTTNV"
none-defined = chưa khai báo mục [[{ $table }]] nào
none-defined-ratings = liệt kê các mức xếp loại, mức cao nhất trước: [[ratings]] code = "HTXSNV" name = "…" good = true
none-defined-types = khai báo các loại hình chi bộ: [[branch_types]] slug = "khu-dan-cu" name = "Khu dân cư"
none-defined-kinds = khai báo ít nhất một loại đơn vị: kinds = [{"{"} slug = "xa", name = "Đảng bộ xã" {"}"}], hoặc bỏ dòng kinds để dùng huyen / thanh-pho / truc-thuoc
none-defined-criteria = khung tiêu chí liệt kê các tiêu chí thành từng mục [[criteria]]
none-defined-explain = Tệp cần có ít nhất một mục loại này.
    Trước: site.toml không có [[ratings]].
    Sau:   [[ratings]]
           code = "HTXSNV"
           name = "Hoàn thành xuất sắc nhiệm vụ"
           good = true
bad-slug = `{ $value }` chỉ được gồm chữ thường a-z, chữ số 0-9 và dấu '-'
bad-slug-hint = thử `{ $suggestion }`
bad-slug-explain = Slug được dùng làm địa chỉ trang và tên thư mục, nên chỉ viết bằng chữ thường không dấu, chữ số và dấu gạch nối, không có dấu cách.
    Trước: slug = "Khu dân cư"
    Sau:   slug = "khu-dan-cu"
year-order = `{ $key }` { $year } sớm hơn `first_year` { $first }
year-order-target = năm mục tiêu của đề án phải sau năm bắt đầu
year-order-last = last_year là năm cuối có số liệu; mặc định bằng target_year
year-order-explain = Các năm của đề án chạy từ `first_year` đến `last_year` (mặc định là `target_year`).
    Trước: first_year = 2025
           target_year = 2022
    Sau:   first_year = 2022
           target_year = 2025
not-a-percentage = `{ $key }` = { $value } không phải tỷ lệ phần trăm
not-a-percentage-hint = viết một số từ 0 đến 100
not-a-percentage-explain = Tỷ lệ phần trăm viết bằng số từ 0 đến 100, không có dấu %.
    Trước: at_least = 0.9
    Sau:   at_least = 90
target-without-threshold = chỉ tiêu cần có `at_least` hoặc `more_than`
target-without-threshold-hint = thêm `at_least = 90` (đạt 90,0% là đạt chỉ tiêu) hoặc `more_than = 20` (phải trên 20,0%)
target-without-threshold-explain = Chỉ tiêu nêu mức cần đạt: `at_least` (đạt bằng mức đó là đạt) hoặc `more_than` (phải vượt mức đó).
    Trước: [[targets]]
           name = "…"
    Sau:   [[targets]]
           name = "…"
           at_least = 90
target-two-thresholds = chỉ tiêu chỉ có một trong hai: `at_least` hoặc `more_than`
target-two-thresholds-hint = giữ lại mức mà đề án quy định
target-two-thresholds-explain = Mỗi chỉ tiêu có một mức cần đạt.
    Trước: at_least = 90
           more_than = 90
    Sau:   at_least = 90
bad-per-type = `per_type` phải là hai số nguyên [tối thiểu, tối đa], tối thiểu không lớn hơn tối đa
bad-per-type-hint = viết như sau: `per_type = [1, 3]`
bad-per-type-explain = `per_type` là số chi bộ thí điểm ít nhất và nhiều nhất mà mỗi đơn vị chọn trong mỗi loại hình chi bộ.
    Trước: per_type = 3
    Sau:   per_type = [1, 3]
too-many-criteria = { $count } tiêu chí, vượt giới hạn { $max }
too-many-criteria-hint = hãy xem lại đây có đúng là tệp khung tiêu chí không
too-many-criteria-explain = Một khung tiêu chí có vài chục tiêu chí; hàng nghìn tiêu chí nghĩa là nhầm tệp.
    Trước: bảng tính lưu thành criteria/2022.toml.
    Sau:   chỉ các mục [[criteria]] của khung tiêu chí.
max-not-positive = `max` = { $value } phải lớn hơn 0
max-not-positive-hint = điểm tối đa của tiêu chí là một số điểm dương
max-not-positive-explain = `max` của tiêu chí là số điểm tối đa của tiêu chí đó.
    Trước: max = 0
    Sau:   max = 10
min-out-of-range = `min` = { $value } không nằm trong khoảng từ 0 đến `max` = { $max }
min-out-of-range-hint = điểm tối thiểu nằm trong khoảng từ 0 đến `max`
min-out-of-range-explain = `min` của tiêu chí là số điểm ít nhất mà chi bộ kiểu mẫu phải đạt, nên nằm trong khoảng từ 0 đến `max`.
    Trước: max = 10
           min = 12
    Sau:   max = 10
           min = 7
no-criterion-for-type = không có tiêu chí nào áp dụng cho loại hình chi bộ `{ $type }`
no-criterion-for-type-hint = thêm tiêu chí không có `types` (chung cho mọi loại hình) hoặc ghi loại hình này vào `types` của một số tiêu chí
no-criterion-for-type-explain = Mỗi loại hình chi bộ phải được chấm điểm theo ít nhất một tiêu chí của khung tiêu chí.
    Trước: mọi tiêu chí đều có types = ["khu-dan-cu"]
    Sau:   có các tiêu chí không ghi `types`, áp dụng cho mọi loại hình

## KM05xx: tệp và thư mục của trang
site-toml-missing = không có tệp content/site.toml
site-toml-missing-hint = mỗi trang đều có content/site.toml ghi tiêu đề, các mức xếp loại, loại hình chi bộ và chỉ tiêu (xem README)
site-toml-missing-explain = content/site.toml chứa các thiết lập của trang; không có tệp này thì không kiểm tra được gì. Lệnh `kieumau init DIR` tạo một ví dụ đầy đủ.
    Trước: content/ chỉ có districts/.
    Sau:   có content/site.toml bên cạnh districts/.
criteria-name-not-year = tên tệp khung tiêu chí `{ $stem }.toml` không phải là năm
criteria-name-not-year-hint = đặt tên tệp khung tiêu chí theo năm bắt đầu áp dụng, ví dụ criteria/2022.toml
criteria-name-not-year-explain = Tệp khung tiêu chí đặt tên theo năm đầu tiên khung được áp dụng.
    Trước: criteria/khung-moi.toml
    Sau:   criteria/2024.toml
framework-after-last-year = khung tiêu chí năm { $year } bắt đầu sau năm cuối { $last }
framework-after-last-year-hint = khung này không được dùng; tăng `last_year` trong site.toml hoặc đổi tên tệp
framework-after-last-year-explain = Khung tiêu chí bắt đầu sau năm cuối của trang nên không kết quả đánh giá nào dùng đến.
    Trước: criteria/2027.toml trong khi last_year = 2025
    Sau:   last_year = 2027, hoặc đổi tên tệp
no-framework = không tìm thấy khung tiêu chí nào
no-framework-hint = thêm tệp content/criteria/{ $year }.toml ghi các tiêu chí áp dụng từ năm đó
no-framework-explain = Điểm được đối chiếu với khung tiêu chí, lưu trong content/criteria/<năm>.toml.
    Trước: không có thư mục content/criteria/.
    Sau:   có content/criteria/2022.toml
review-outside-years = báo cáo năm { $year } nằm ngoài các năm của trang ({ $first }-{ $last })
review-outside-years-hint = đặt tên theo một năm từ first_year đến last_year
review-outside-years-explain = Mỗi tệp báo cáo là nội dung báo cáo của một năm thực hiện đề án.
    Trước: reviews/2019.md trong khi first_year = 2022
    Sau:   reviews/2022.md
review-name-not-year = tên tệp báo cáo `{ $stem }.md` không phải là năm
review-name-not-year-hint = đặt tên tệp báo cáo theo năm, ví dụ reviews/2024.md
review-name-not-year-explain = Tệp báo cáo đặt tên theo năm của báo cáo.
    Trước: reviews/so-ket.md
    Sau:   reviews/2024.md
district-folder-slug = tên thư mục đơn vị `{ $slug }` không hợp lệ
district-folder-slug-hint = đổi tên thư mục thành chữ thường a-z, chữ số 0-9 và dấu '-', ví dụ `{ $suggestion }`
district-folder-slug-explain = Tên thư mục của đơn vị được dùng làm địa chỉ trang, nên viết không dấu và không có dấu cách.
    Trước: districts/Đông Hưng/
    Sau:   districts/dong-hung/
district-toml-missing = thư mục đơn vị không có tệp district.toml
district-toml-missing-hint = thêm tệp district.toml có `name = "Huyện …"`, `kind = "huyen"` và `order = 1`
district-toml-missing-explain = Mỗi thư mục đơn vị có tệp district.toml ghi tên, loại đơn vị và thứ tự hiển thị.
    Trước: districts/dong-hung/ chỉ có các tệp chi bộ.
    Sau:   districts/dong-hung/district.toml: name = "Huyện Đông Hưng"
note-year = `{ $stem }` trong tên tệp ghi chú không phải là một năm của trang
note-year-dots = tên tệp ghi chú có hai dấu chấm liền nhau: thiếu năm ở giữa
note-year-hint = tệp ghi chú theo năm đặt tên <tên>.<năm>.md, với năm từ { $first } đến { $last }
note-year-explain = Ghi chú cho một năm đặt tên <tên>.<năm>.md, với một năm của đề án.
    Trước: thuong-phuc.2019.md
    Sau:   thuong-phuc.2024.md
note-unknown-branch = ghi chú của chi bộ không có tệp `{ $slug }`
note-unknown-branch-hint = bên cạnh không có tệp { $slug }.toml: đổi tên ghi chú theo một tệp chi bộ đang có
note-unknown-branch-explain = Ghi chú của chi bộ đặt tên theo tệp chi bộ: thuong-phuc.md đi với thuong-phuc.toml.
    Trước: thuongphuc.md bên cạnh thuong-phuc.toml
    Sau:   thuong-phuc.md
branch-file-slug = tên tệp chi bộ `{ $slug }` không hợp lệ
branch-file-slug-hint = đổi tên thành chữ thường a-z, chữ số 0-9 và dấu '-', ví dụ `{ $suggestion }.toml`
branch-file-slug-explain = Tên tệp chi bộ được dùng làm địa chỉ trang, nên viết không dấu và không có dấu cách.
    Trước: Thượng Phúc.toml
    Sau:   thuong-phuc.toml

## KM00xx: đọc thư mục nội dung
symlink-ignored = bỏ qua liên kết (symbolic link)
symlink-ignored-hint = kieumau không đi theo liên kết; hãy chép chính tệp đó vào content/
symlink-ignored-explain = Các liên kết (lối tắt) trong content/ không được đọc theo, để mỗi lần tạo trang chỉ đọc tệp của chính trang. Đây là cảnh báo.
    Trước: content/districts/dong-hung/a.toml là liên kết đến thư mục khác.
    Sau:   chép chính tệp đó vào đây.
cannot-read-entry = không đọc được mục này trong thư mục: { $reason }
permissions-hint = kiểm tra quyền truy cập tệp
cannot-read-entry-explain = Hệ điều hành không cho liệt kê hoặc mở mục này; lý do do hệ điều hành đưa ra.
    Trước: thư mục chỉ người dùng khác đọc được.
    Sau:   cấp quyền đọc thư mục cho người chạy kieumau.
no-content-folder = ở đây không có thư mục content/
no-content-folder-hint = chạy kieumau trong thư mục của trang, dùng --root DIR, hoặc tạo trang mới bằng `kieumau init DIR`
no-content-folder-explain = kieumau làm việc trên thư mục của trang: thư mục có chứa content/.
    Trước: chạy kieumau check trong thư mục Documents.
    Sau:   kieumau check --root D:\bao-cao, hoặc chạy kieumau init bao-cao trước.
unexpected-entry = bỏ qua { $what } không đúng quy định
what-file = tệp
what-folder = thư mục
unexpected-entry-hint = content/ gồm site.toml, criteria/<năm>.toml, reviews/<năm>.md và districts/<đơn-vị>/
unexpected-entry-explain = Tệp hoặc thư mục này không thuộc cấu trúc nội dung nên bị bỏ qua. Đây là cảnh báo.
    Trước: content/ghi-chu.docx
    Sau:   chuyển tệp ra ngoài content/, hoặc vào thư mục files/ nếu ghi chú có liên kết đến tệp.
unexpected-in-district = bỏ qua { $what } không đúng quy định trong thư mục đơn vị
unexpected-in-district-hint = thư mục đơn vị chỉ gồm district.toml, các tệp <chi-bộ>.toml và ghi chú Markdown (và thư mục files/ cho tệp mà ghi chú dùng)
unexpected-in-district-explain = Thư mục đơn vị gồm district.toml, mỗi chi bộ một tệp .toml, các ghi chú Markdown và thư mục files/. Các tệp khác bị bỏ qua. Đây là cảnh báo.
    Trước: districts/dong-hung/danh-sach.xlsx
    Sau:   nhập bảng tính bằng kieumau import rồi chuyển tệp ra ngoài.
cannot-read-file = không đọc được tệp: { $reason }
cannot-read-file-explain = Hệ điều hành không cho mở tệp; lý do do hệ điều hành đưa ra.
    Trước: tệp đang mở và bị khóa trong chương trình khác.
    Sau:   đóng tệp ở chương trình đó rồi kiểm tra lại.
not-regular-file = không phải tệp thông thường (pipe, socket hay thiết bị) nên không đọc được
not-regular-file-hint = thay bằng tệp văn bản thuần, hoặc xóa đi
not-regular-file-explain = Chỉ tệp thông thường mới là nội dung.
    Trước: a.toml là một named pipe.
    Sau:   a.toml là tệp văn bản.
file-too-large = tệp quá lớn ({ $size } byte; giới hạn { $max } byte)
file-too-large-hint = mỗi tệp nội dung chứa một chi bộ, một đơn vị hoặc một ghi chú; hãy tách tệp hoặc xem lại có đúng tệp không
file-too-large-explain = Tệp nội dung là tệp văn bản nhỏ: 8 MiB lớn hơn nhiều so với nhu cầu của bất kỳ chi bộ hay ghi chú nào.
    Trước: tệp video đổi tên thành a.md.
    Sau:   bỏ video ra, hoặc để trong files/ và liên kết từ ghi chú.

## KM07xx: ghi chú
front-matter-unclosed = phần đầu (front matter) chưa được đóng
front-matter-unclosed-hint = kết thúc phần đầu bằng một dòng chỉ có +++, hoặc bỏ dòng +++ mở đầu
front-matter-unclosed-explain = Ghi chú có thể bắt đầu bằng các thiết lập nằm giữa hai dòng +++; ở đây thiếu dòng thứ hai.
    Trước: +++
           title = "Ghi chú"
           Nội dung…
    Sau:   +++
           title = "Ghi chú"
           +++
           Nội dung…
note-too-deep = ghi chú lồng nhau quá { $max } cấp ở chỗ này
note-too-deep-hint = kiểm tra các thẻ HTML mở mà không đóng, hoặc trích dẫn và danh sách lồng nhau quá sâu
note-too-deep-explain = Trích dẫn, danh sách hay thẻ HTML lồng vào nhau hơn một trăm cấp, điều mà ghi chú thật không cần: thường là do thẻ mở mà không đóng.
    Trước: <div><div><div>… không có </div>
    Sau:   mỗi <div> đóng bằng </div>, hoặc chỉ dùng Markdown
note-open-formatting = ở chỗ này có hơn { $max } thẻ định dạng HTML cùng mở
note-open-formatting-hint = đóng mỗi thẻ <b>, <i>, <font>… bằng </b>, </i>, </font>, hoặc dùng Markdown **đậm** và *nghiêng*
note-open-formatting-explain = Văn bản dán từ trình soạn thảo văn bản thường để lại các thẻ định dạng chưa đóng.
    Trước: <b>Kết quả <b>năm <b>2024
    Sau:   **Kết quả năm 2024**
front-matter-syntax = phần đầu (front matter) không đúng cú pháp TOML (trình đọc TOML báo bằng tiếng Anh: { $detail })
front-matter-syntax-hint = phần đầu gồm các dòng như `title = "…"` nằm giữa hai dòng +++
front-matter-syntax-explain = Các thiết lập giữa hai dòng +++ viết theo định dạng TOML.
    Trước: title: Ghi chú
    Sau:   title = "Ghi chú"
front-matter-date = `date` phải là ngày tháng, không phải { $found }
front-matter-date-hint = viết như sau: `date = 2024-12-15`
front-matter-date-explain = Ngày viết theo thứ tự năm-tháng-ngày, không có dấu ngoặc kép.
    Trước: date = "15/12/2024"
    Sau:   date = 2024-12-15

note-file-missing = `{ $url }` trỏ tới tệp không có: `{ $file }`
note-file-missing-hint = đặt tệp vào đúng chỗ đó, hoặc sửa tên tệp trong ghi chú cho giống hệt tên trên đĩa (cả chữ hoa, chữ thường và dấu)
note-file-missing-explain = Ghi chú hiện ảnh hoặc dẫn tới tài liệu trong thư mục files/ bên cạnh nó; khi dựng trang, kieumau đăng tệp đó bên cạnh trang hiện ghi chú. Ở đây không có tệp ấy nên ảnh hoặc liên kết bị bỏ. Đây là cảnh báo (--strict: lỗi).
    Trước: ![Họp chi bộ](files/hop-chi-bo.jpg) mà thư mục files/ không có hop-chi-bo.jpg
    Sau:   đặt hop-chi-bo.jpg vào content/districts/<đơn vị>/files/
note-file-kind = `{ $file }`: loại tệp này không được đăng
note-file-kind-hint = các loại tệp được đăng: { $kinds }; hãy lưu tệp thành một trong các loại đó
note-file-kind-explain = Ghi chú chỉ đăng được ảnh và tài liệu thông dụng, để trang trên mạng nội bộ không mang theo tệp chạy được hay tệp lạ. Tệp loại khác không được đăng và liên kết tới nó bị bỏ. Đây là cảnh báo.
    Trước: [Biên bản](files/bien-ban.doc)
    Sau:   [Biên bản](files/bien-ban.docx) hoặc [Biên bản](files/bien-ban.pdf)
note-link-outside-files = `{ $url }` không trỏ vào thư mục files/ bên cạnh ghi chú nên bị bỏ khi đăng
note-link-outside-files-hint = đặt tệp vào `{ $folder }` và viết `files/<tên tệp>`
note-link-outside-files-explain = Liên kết tương đối và ảnh trong ghi chú chỉ được trỏ vào thư mục files/ bên cạnh ghi chú (thư mục files/ của đơn vị, hoặc content/files/ cho báo cáo năm). Liên kết trỏ chỗ khác không hoạt động trên trang đã dựng nên bị bỏ. Đây là cảnh báo.
    Trước: ![Họp](hop.jpg) hoặc ![Họp](../anh/hop.jpg)
    Sau:   ![Họp](files/hop.jpg), với tệp trong files/

## KM08xx: cảnh báo từ số liệu
pilots-out-of-range = { $district } có { $pilots } chi bộ thí điểm loại hình `{ $type }`; quy định là từ { $min } đến { $max }
pilots-out-of-range-hint = ghi `pilot = <năm>` trong tệp của các chi bộ được chọn, hoặc điều chỉnh [pilots] per_type trong site.toml
pilots-out-of-range-explain = Mỗi đơn vị chọn một số chi bộ thí điểm trong mỗi loại hình chi bộ mình có, theo [pilots] per_type của site.toml. Đây là cảnh báo.
    Trước: không chi bộ nào của loại hình có `pilot = …`
    Sau:   pilot = 2022 trong tệp của chi bộ được chọn
excellent-over-cap = { $district } năm { $year }: { $count } chi bộ { $excellent }, vượt { $pct }% của { $base } chi bộ { $of }
excellent-over-cap-hint = kiểm tra lại xếp loại; mức trần đặt trong [excellent_cap] của site.toml
excellent-over-cap-explain = Số chi bộ xếp loại hoàn thành xuất sắc nhiệm vụ không vượt một tỷ lệ so với số chi bộ hoàn thành tốt nhiệm vụ. Đây là cảnh báo.
    Trước: 5 HTXSNV trên 10 HTTNV trong khi max_pct = 20
    Sau:   nhiều nhất 2 HTXSNV trên 10 HTTNV

## KM09xx: thư mục kết quả của lệnh build
output-holds-site = --output { $dir } là thư mục của trang { $site }, hoặc chứa nó: lệnh build thay toàn bộ thư mục kết quả nên sẽ xóa mất trang
output-holds-site-hint = ghi trang vào một thư mục riêng, chẳng hạn output/ (mặc định) hoặc public/
output-holds-site-explain = Lệnh build thay toàn bộ thư mục kết quả. Nếu thư mục đó là chính thư mục của trang, hoặc chứa nó, thì content/, snapshots/ và mọi thứ khác trong đó sẽ bị xóa, nên kieumau từ chối, kể cả khi có --force.
    Trước: kieumau build --root my-site --output my-site
    Sau:   kieumau build --root my-site --output my-site/output
output-in-kept-folder = --output { $dir } nằm trong thư mục { $folder }/ của trang, hoặc chứa nó: lệnh build thay toàn bộ thư mục kết quả nên sẽ phá hỏng những gì { $folder }/ đang giữ
output-in-kept-folder-hint = ghi trang vào một thư mục riêng, ngoài content/, snapshots/ và themes/, chẳng hạn output/ (mặc định)
output-in-kept-folder-explain = content/ giữ những gì người dùng soạn, snapshots/ giữ các bản chụp, themes/ giữ giao diện. Lệnh build thay toàn bộ thư mục kết quả, nên thư mục đó không được nằm trong, cũng không được chứa, một trong ba thư mục này, kể cả khi có --force.
    Trước: kieumau build --output content/site
    Sau:   kieumau build --output output
output-not-kieumau = { $dir } có các tệp không do kieumau ghi ({ $entries }); lệnh build thay toàn bộ thư mục kết quả nên sẽ xóa chúng
output-not-kieumau-hint = chọn một thư mục trống hoặc chưa có, chuyển các tệp đó đi nơi khác, hoặc thêm --force nếu được phép thay thư mục này
output-not-kieumau-explain = Mỗi lần build để lại tệp .kieumau-output ở đầu thư mục kết quả, và trạng thái bên cạnh ghi những gì đã ghi. Một thư mục không trống mà không có cả hai, hoặc có những mục mà lần build trước không ghi, sẽ không bị thay nếu không thêm --force.
    Trước: kieumau build --output Documents
    Sau:   kieumau build --output Documents/bao-cao (thư mục mới), hoặc --force
output-is-file = --output { $dir } là một tệp, không phải thư mục
output-is-file-hint = chỉ đường dẫn của một thư mục (chưa có thì sẽ được tạo)
output-is-file-explain = Lệnh build ghi cả một trang, tức một thư mục các trang, vào --output; đường dẫn này là một tệp nên không có gì được ghi.
    Trước: kieumau build --output bao-cao.html
    Sau:   kieumau build --output bao-cao
help-build-force = Thay thư mục --output kể cả khi nó có tệp không do kieumau ghi (không bao giờ thay các thư mục của trang)

## init, snapshot, build, giao diện
init-is-file = { $dir } đã có và là một tệp, không phải thư mục
init-cannot-read = không đọc được { $dir }: { $reason }
init-not-empty = thư mục { $dir } không trống; kieumau init chỉ tạo trang trong thư mục mới hoặc thư mục trống để không ghi đè lên gì
init-cannot-create = không tạo được trang trong { $dir }: { $reason }
init-done = Đã tạo trang mới trong { $dir } ({ $count } tệp): ví dụ gồm 2 đơn vị và 5 chi bộ.
    Tiếp theo:
      kieumau build --root { $arg }     rồi mở { $dir }/output/index.html
      đọc { $dir }/README.md trước khi sửa nội dung trong content/
error-line = lỗi: { $message }
snapshot-no-random = không có nguồn số ngẫu nhiên để tạo mã cho bản chụp không công khai: { $reason }
snapshot-target-exists = { $dir } đã có nhưng không chứa bản chụp của nội dung này; bản chụp không bao giờ bị ghi đè: hãy chuyển thư mục đó đi nơi khác trước
snapshot-cannot-write = không ghi được bản chụp { $dir }: { $reason }
build-cannot-write = không ghi được trang vào { $dir }: { $reason }
build-state-failed = không đọc được trạng thái của thư mục kết quả
theme-missing = không có thư mục giao diện { $dir }
theme-cannot-read = không đọc được giao diện: { $reason }
theme-template-not-utf8 = mẫu giao diện { $path } không đúng bảng mã UTF-8
theme-file-not-utf8 = tệp giao diện { $path } không đúng bảng mã UTF-8

## Score sheets and workbooks (import, sheets16)
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
## booklet --pdf
print-install-hint = { $how }, hoặc chỉ đường dẫn bằng --chromium PATH hay biến môi trường KIEUMAU_CHROMIUM
print-install-linux = hãy cài Chromium (Debian/Ubuntu: `apt-get install chromium`; Fedora: `dnf install chromium`) hoặc Google Chrome
print-install-macos = hãy cài Google Chrome (google.com/chrome) hoặc Chromium (`brew install --cask chromium`)
print-install-windows = Microsoft Edge có sẵn trên Windows 10 và 11 (nếu đã gỡ, hãy cài lại Microsoft Edge hoặc Google Chrome)
print-not-found-at = không tìm thấy Chromium tại { $path }: { $hint }
print-not-found = không tìm thấy Chromium để in tệp PDF: { $hint }
print-no-year = năm { $year } không có kết quả đánh giá; đã có tài liệu sơ kết các năm { $years }
print-io = { $what }: { $reason }
print-no-temp = không tạo được thư mục tạm
print-no-cwd = không xác định được thư mục hiện hành
print-no-wait = không chờ được Chromium
print-cannot-start = không khởi động được { $path }: { $reason }
print-failed = Chromium báo lỗi ({ $status }): { $tail }
print-timeout = Chromium chưa in xong sau { $seconds } giây
print-no-outline = không đọc được mục lục (bookmark) của tệp PDF { $path } do Chromium in ra: { $reason }
print-no-pdf = Chromium không ghi tệp PDF nào vào { $path }

## import: kết quả
import-done = đã nhập { $rows } dòng của năm { $year } từ { $file }: { $files } tệp thay đổi, { $unchanged } tệp giữ nguyên{ $next }
import-next = ; chạy `kieumau build` để cập nhật trang
import-dry-run = chạy thử: { $rows } dòng của năm { $year }: { $files } tệp sẽ thay đổi, { $unchanged } tệp giữ nguyên; chưa ghi gì
import-refused = không nhập: trang đang có { $errors } lỗi; hãy sửa trước (`kieumau check`), chưa ghi gì
import-failed = nhập không thành công: { $problems } lỗi trong { $file }; không tệp nào bị ghi
import-stopped = dừng nhập: các tệp sau khi sửa không đạt quy định của trang; không tệp nào bị ghi

## serve
serve-listening = Đang mở trang { $output } tại { $url } (bấm Ctrl-C để dừng)
serve-rebuilt = Đã tạo lại { $pages } trang ({ $written } tệp ghi mới) trong { $elapsed }
serve-failed-kept = Chưa tạo lại được trang; trình duyệt vẫn hiện bản tạo đúng gần nhất. Sửa các lỗi trên rồi lưu tệp, trang sẽ tự tạo lại.
serve-failed-none = Chưa tạo được trang nào. Sửa các lỗi trên rồi lưu tệp, trang sẽ tự tạo lại.
serve-error-line = lỗi: { $message }
serve-cannot-listen = không mở được cổng { $address }: { $error }
    gợi ý: cổng này có thể đang được chương trình khác dùng; thử --port với số khác, hoặc --port 0
serve-cannot-watch = không theo dõi được thay đổi của thư mục nội dung: { $error }
serve-errors-title = { $count } lỗi cần sửa
serve-warnings-title = { $count } cảnh báo
serve-report-cut = … còn { $bytes } byte nữa không hiện; chạy `kieumau check` để xem đủ
serve-page-failed = Chưa tạo được trang: nội dung có lỗi
serve-page-missing = Không có trang này
serve-page-missing-hint = Không có trang { $path } trong bản đã tạo. Về trang chủ: /
## import: several files, the branch register (sheets16b)
import-not-a-sheet = { $file } không phải tệp .csv hay .xlsx; hãy lưu bảng tính dưới dạng CSV hoặc sổ tính Excel
import-sheet-of-csv = --sheet chỉ dùng cho sổ tính (.xlsx); tệp CSV chỉ có một trang tính
import-no-file = hãy chỉ ra ít nhất một bảng tính cần nhập
import-cannot-read = không đọc được { $file }: { $error }
import-cannot-edit = không sửa được { $file }: { $error }
import-mixed = không nhập cùng lúc danh sách chi bộ và bảng kết quả đánh giá: hãy nhập danh sách trước, rồi đến các bảng kết quả
import-needs-year = bảng kết quả đánh giá cần --year NĂM (danh sách chi bộ thì không)
import-in-two-files = dòng { $row }: chi bộ `{ $branch }` đã có ở dòng { $other_row } của { $other }; mỗi chi bộ chỉ ghi ở một tệp
import-not-held = tệp sau khi sửa không giữ đúng các trường của danh sách; đây là lỗi của kieumau, chưa ghi gì
sheet-too-large = { $file } lớn hơn { $max } MB; một bảng tính của cả tỉnh chỉ vài MB: hãy kiểm tra lại tệp
register-place = dòng { $row } ({ $district }/{ $branch }), cột "{ $column }"
register-column-twice = dòng { $row }: cột "{ $column }" có hai lần; mỗi cột chỉ giữ một
register-unknown-column = dòng { $row }: không có cột "{ $column }" trong danh sách chi bộ; các cột là { $columns } và (tùy chọn) pilot
register-no-column = dòng { $row }: hàng tiêu đề thiếu cột "{ $column }"; danh sách chi bộ có các cột { $columns } và (tùy chọn) pilot
register-not-text = ô chứa { $what }, không phải văn bản
register-empty = ô "{ $column }" để trống
register-unknown-district = không có đơn vị `{ $value }`: viết tên thư mục (slug) hoặc tên của đơn vị
register-unknown-type = không có loại hình chi bộ `{ $value }`
register-unknown-subtype = không có loại hình chi tiết `{ $value }` trong loại hình `{ $type }`
register-no-subtypes = loại hình `{ $type }` không có loại hình chi tiết, nhưng ô ghi `{ $value }`; hãy để trống
register-unknown-level = không có cấp chi bộ `{ $value }`
register-bad-members = số đảng viên `{ $value }` không phải số nguyên từ 0 đến 1.000.000
register-bad-pilot = năm thí điểm `{ $value }` không nằm trong các năm { $first }-{ $last } của trang
register-unknown-branch = không có chi bộ `{ $value }` trong đơn vị `{ $district }`
register-unknown-branch-hint = để trống ô branch để tạo chi bộ mới (tên tệp được đặt theo tên chi bộ)
register-twice = chi bộ `{ $slug }` đã có ở dòng { $row } của { $file }; mỗi chi bộ một dòng
register-new-branch = chi bộ mới "{ $name }"
register-missing = { $count } chi bộ của trang không có trong danh sách (không xóa gì): { $shown }{ $more ->
    [0] {""}
   *[other] {" "}và { $more } chi bộ khác
}
register-done = đã nhập danh sách { $rows } chi bộ từ { $file }: { $created } tệp mới, { $updated } tệp thay đổi, { $unchanged } tệp giữ nguyên; chạy `kieumau check` rồi `kieumau build`
register-dry-run = chạy thử: danh sách { $rows } chi bộ: { $created } tệp mới, { $updated } tệp sẽ thay đổi, { $unchanged } tệp giữ nguyên; chưa ghi gì

## base_url (site.toml và --base-url)
bad-base-url = `base_url` "{ $value }" không phải là một địa chỉ web đầy đủ bắt đầu bằng http hoặc https
bad-base-url-hint = viết đủ địa chỉ của trang đã đăng, ví dụ `base_url = "https://intranet.example/kieumau/"`, hoặc để trống
bad-base-url-explain = `base_url` được ghi vào đường dẫn của mọi trang và vào dải thông báo của mọi bản chụp, và giữ nguyên mãi, nên phải là địa chỉ web đầy đủ bắt đầu bằng http:// hoặc https:// và có tên máy chủ. Mọi dạng khác (chỉ một thư mục, javascript:, data:, file:, có dấu cách) đều bị từ chối.
    Trước: base_url = "intranet/kieumau"
    Sau:   base_url = "https://intranet.example/kieumau/"

## tên: ký tự đổi chiều chữ
bidi-char = `{ $key }` chứa ký tự đổi chiều chữ ({ $char })
bidi-char-hint = gõ lại tên, bỏ ký tự đó; nó làm tên hiện ra theo thứ tự khác với khi viết, và có thể che nội dung thật
bidi-char-explain = Các ký tự đổi chiều chữ (U+202A đến U+202E, U+2066 đến U+2069, U+200E, U+200F, U+061C) không nhìn thấy được và đảo thứ tự các chữ phía sau, nên một tên có thể hiện ra khác với nội dung thật. Tên và tiêu đề có ký tự này bị từ chối.
    Trước: name = "Chi bộ \u202Eạc gnàl"
    Sau:   name = "Chi bộ làng Cả"

## năm cuối chưa nhập đủ
year-incomplete = năm { $year } mới có điểm của { $count } trong { $known } chi bộ đã chấm năm { $previous }; số liệu của năm này chỉ dựa trên các chi bộ đó
year-incomplete-hint = trang chủ hiện năm { $previous } cho tới khi nhập đủ năm { $year }; muốn dừng các năm của đề án sớm hơn, đặt `last_year` trong content/site.toml
year-incomplete-explain = Khi năm cuối mới có điểm của chưa tới một nửa số chi bộ đã chấm năm trước, hoặc còn đơn vị đã có điểm năm trước mà năm nay chưa có chi bộ nào, các tỷ lệ của năm đó chỉ dựa trên vài chi bộ đã nhập (một chi bộ trong năm chi bộ cũng có thể làm mọi chỉ tiêu "đạt"). kieumau cảnh báo, trang chủ hiện năm trước đó, và trang của năm này ghi rõ số liệu dựa trên bao nhiêu chi bộ.
    Trước: năm 2026 mới nhập 1 trong 5 chi bộ: trang chủ hiện năm 2026, "Số chi bộ 1", cả hai chỉ tiêu đạt
    Sau:   trang chủ hiện năm 2025 cho tới khi nhập đủ năm 2026; đặt `last_year = 2025` trong content/site.toml để dừng ở đó

## năm nằm ngoài các năm của đề án
year-outside-programme = `{ $key }` = { $value } nằm ngoài các năm của đề án, từ { $first } đến { $last }
year-outside-programme-hint = viết một năm từ { $first } đến { $last }; nếu năm { $value } là đúng thì tăng `last_year` (hoặc giảm `first_year`) trong content/site.toml
year-outside-programme-explain = Năm chấm điểm và năm thí điểm phải nằm trong các năm của đề án: từ `first_year` đến `last_year` (mặc định là `target_year`) trong content/site.toml. Muốn nhập điểm năm mới thì trước hết phải tăng `last_year`.
    Trước: year = 2026        (site.toml: target_year = 2025)
    Sau:   year = 2026        (site.toml: last_year = 2026)

## tệp chi bộ bị sao chép
copied-branch = chi bộ này trùng tên ({ $name }), loại hình và điểm với { $other } trong cùng đơn vị: có vẻ là bản sao
copied-branch-hint = nếu là chi bộ khác thì ghi đúng tên và điểm của nó; nếu là bản sao thì xóa một trong hai tệp, nếu không chi bộ sẽ bị tính hai lần
copied-branch-explain = Hai tệp chi bộ của cùng một đơn vị có cùng tên, loại hình, xếp loại và điểm của mọi năm hầu như luôn là một tệp được sao chép để tạo chi bộ mới nhưng chưa sửa. Cả hai đều được tính vào mọi số liệu. Đây là cảnh báo.
    Trước: tdp-1.toml và tdp-1-ban-sao.toml, cả hai là "Chi bộ Tổ dân phố số 1" với cùng điểm
    Sau:   xóa tdp-1-ban-sao.toml, hoặc ghi đúng tên và điểm của chi bộ kia

print-no-folder = không ghi được { $pdf }: không có thư mục { $folder }
    gợi ý: tạo thư mục đó trước, hoặc cho --pdf một tệp trong thư mục đã có
write-beside-failed = không ghi được tệp tạm bên cạnh { $file }: { $error }; không tệp nào bị thay đổi
help-forms = Tạo cho mỗi đơn vị cấp huyện một biểu tổng hợp (XLSX) của năm để cán bộ điền rồi gửi lại cho `kieumau import`
help-forms-district = Chỉ tạo cho đơn vị cấp huyện này (mã hoặc tên)
help-forms-out = Thư mục ghi các biểu (mặc định: <root>/forms)
help-forms-force = Ghi đè các biểu trong thư mục khác với biểu mới (có thể là biểu đã điền và gửi lại)
forms-no-framework = năm { $year } chưa có bộ tiêu chí nên không tạo được biểu; các năm có bộ tiêu chí: { $years }
forms-no-district = không có đơn vị cấp huyện "{ $district }"; các đơn vị: { $known }
forms-cannot-make = không tạo được biểu { $file }: { $error }
forms-no-folder = không tạo được thư mục { $folder }: { $error }
forms-would-overwrite = { $count } biểu trong { $folder } khác với biểu mới, có thể là biểu đã điền và gửi lại: { $files }. Hãy nhập các biểu đó trước (`kieumau import`), chuyển chúng đi nơi khác, hoặc thêm --force để ghi đè; chưa ghi gì
forms-written = biểu tổng hợp năm { $year }: đã ghi { $written } biểu, { $unchanged } biểu không đổi, trong { $folder }
forms-next = khi nhận lại các biểu đã điền: kieumau import { $files } --year { $year }
forms-refused = không tạo biểu: trang đang có { $errors } lỗi; hãy sửa trước (`kieumau check`)
year-outside-site = --year { $year } nằm ngoài các năm của trang, { $first }-{ $last } (first_year và last_year trong content/site.toml)
no-framework-in-year = năm { $year } chưa có bộ tiêu chí nào áp dụng (xem content/criteria/)
help-booklet-docx = Nơi ghi tệp Word (.docx), tạo không cần Chromium
booklet-docx-written = Đã ghi báo cáo năm { $year } ra tệp Word { $docx } trong { $elapsed }
docx-cannot-make = không tạo được tệp Word: { $reason }
chart-no-size = biểu đồ không có kích thước
chart-too-large = biểu đồ quá lớn, không vẽ được
workbook-unreadable = không đọc được sổ tính: { $reason }; hãy lưu lại thành sổ tính Excel (.xlsx)
workbook-no-such-sheet = sổ tính không có trang tính tên "{ $sheet }"; các trang tính: { $sheets }
workbook-no-sheet = sổ tính không có trang tính nào
workbook-sheet-unreadable = không đọc được trang tính "{ $sheet }": { $reason }
workbook-too-large-unpacked = phần { $part } của sổ tính khi giải nén lớn hơn { $max } MB, lớn hơn mọi bảng chi bộ cần; tệp có thể bị hỏng hoặc được tạo ra để làm treo máy. Hãy lưu lại bảng từ Excel, hoặc xuất ra CSV
sheet-too-many-columns = trang tính có giá trị ở ô { $cell }, vượt quá { $max } cột kieumau đọc; hãy xóa nội dung ở cột đó (Ctrl+End trong Excel cho biết ô cuối cùng đang dùng) rồi lưu lại
sheet-too-many-rows = trang tính có giá trị ở ô { $cell }, vượt quá dòng cuối cùng của Excel ({ $max })
sheet-too-many-cells = trang tính có hơn { $max } ô, nhiều hơn mọi trang cần; hãy xóa các dòng, cột không dùng rồi lưu lại
cell-truth-value = giá trị đúng/sai { $value }
cell-date = một ngày hoặc giờ ({ $value })
cell-duration = một khoảng thời gian ({ $value })
cell-error-value = giá trị lỗi { $value }
sheet-bad-reference = trang tính ghi một ô "{ $cell }" nằm ngoài lưới của Excel (cột A đến XFD, dòng 1 đến { $max }); tệp bị hỏng hoặc không do chương trình bảng tính tạo ra: hãy lưu lại bảng từ Excel
snapshot-reason-no-manifest = thư mục không có tệp manifest.toml
snapshot-reason-not-a-file = manifest.toml của nó không phải là một tệp nhỏ thông thường
snapshot-manifest-bad = không công bố được bản chụp { $snapshot }: { $reason }
snapshot-manifest-bad-hint = bản chụp không bao giờ được sửa tay; hãy chép lại manifest.toml từ một bản sao (bản lưu, thư mục snapshots/{ $snapshot }/ của trang đã công bố), hoặc chuyển thư mục đó ra khỏi snapshots/
snapshot-manifest-bad-explain = Mỗi thư mục bản chụp trong snapshots/ có một tệp manifest.toml ghi bản chụp là gì (tên, ngày, mã nội dung, phiên bản kieumau) và mã SHA-256 của từng tệp. Không đọc được manifest thì kieumau không phân biệt được bản chụp với một thư mục hỏng, nên dừng tạo trang thay vì lặng lẽ bỏ bản chụp khỏi trang. Ví dụ: thiếu snapshots/2024-12-15-ab12cd34/manifest.toml → chép lại từ trang đã công bố.
snapshot-file-changed = tệp { $file } của bản chụp { $snapshot } không còn như lúc chụp
snapshot-file-changed-hint = bản chụp không bao giờ được sửa: hãy chép lại tệp đó từ một bản sao (thư mục snapshots/{ $snapshot }/ của trang đã công bố), và tạo bản chụp mới cho nội dung mới
snapshot-file-changed-explain = Bản chụp là trang đúng như vào ngày chụp, và đường dẫn của nó đã gửi lên lãnh đạo. manifest.toml của nó giữ mã SHA-256 của từng tệp; mỗi lần tạo trang kieumau kiểm tra và dừng lại khi có tệp bị sửa, bị xóa hoặc được thêm, thay vì công bố một bản chụp đã đổi dưới ngày cũ. Ví dụ: snapshots/2024-12-15-ab12cd34/index.html bị sửa → chép lại từ bản lưu, hoặc từ output/snapshots/ của lần tạo trang trước.
snapshot-file-missing = thiếu tệp { $file } của bản chụp { $snapshot }
snapshot-file-missing-hint = hãy chép lại tệp đó từ một bản sao (thư mục snapshots/{ $snapshot }/ của trang đã công bố)
snapshot-file-added = bản chụp { $snapshot } có tệp { $file } không có lúc chụp
snapshot-file-added-hint = hãy xóa tệp đó khỏi snapshots/{ $snapshot }/
snapshot-unverified = bản chụp { $snapshot } do kieumau phiên bản cũ tạo, không kiểm tra được các tệp của nó
snapshot-unverified-hint = bản chụp vẫn được công bố như hiện có; các bản chụp tạo từ nay được kiểm tra mỗi lần tạo trang
snapshot-unverified-explain = Bản chụp do kieumau hiện nay tạo ghi mã SHA-256 của mọi tệp trong manifest.toml, và mỗi lần tạo trang đều kiểm tra. Bản chụp cũ không có danh sách đó nên không phát hiện được thay đổi; nó vẫn được công bố. Ví dụ: tạo lại bản chụp của cùng nội dung (kieumau snapshot --label ...) để có bản được kiểm tra.
in-file-at = trong tệp { $file }:{ $line }:{ $column } (dòng { $line }, cột { $column })
sheet-row = dòng { $row }
sheet-row-branch = dòng { $row } ({ $district }/{ $branch })
sheet-column-named = cột "{ $name }"
sheet-column-letter = cột { $column }
cell-not-text = { $what }, không phải chữ
sheet-header-cell-is = ô tiêu đề là { $what }
sheet-did-you-mean = có phải là "{ $near }"?
sheet-header-as-text = chương trình bảng tính có thể đã đổi mã như 1.1 thành ngày tháng: hãy định dạng dòng tiêu đề là văn bản (Text)
sheet-unknown-column = cột "{ $name }" không hợp lệ
sheet-unknown-column-hint = các cột là district, branch, rating, vetoes (bỏ qua name, parent và type) và các tiêu chí của bộ tiêu chí năm { $year }: { $ids }; { $advice }
sheet-column-twice = cột "{ $name }" có hai lần (cột { $first } và cột { $second })
sheet-column-twice-hint = mỗi tên cột chỉ giữ một cột
sheet-no-column = dòng tiêu đề thiếu cột "{ $column }"
sheet-no-column-hint = dòng tiêu đề bắt đầu bằng district, branch, rating, vetoes
sheet-no-criterion-columns = dòng tiêu đề thiếu cột của tiêu chí { $ids }
sheet-no-criterion-columns-hint = bộ tiêu chí năm { $year } có một cột cho mỗi tiêu chí: { $ids }; để trống ô của tiêu chí không áp dụng
cell-empty = ô để trống
cell-not-number = ô chứa { $what }, không phải là số
score-not-number = "{ $text }" không phải là số
score-too-many-decimals = điểm { $text } có hơn hai chữ số thập phân
score-far-too-large = điểm { $text } quá lớn
sheet-empty = bảng tính trống
sheet-empty-hint = dòng đầu tiên ghi tên các cột: district, branch, rating, vetoes, rồi đến mã các tiêu chí
sheet-row-too-long = dòng có { $cells } ô nhưng dòng tiêu đề chỉ có { $columns } cột
sheet-row-too-long-hint = mỗi dòng có một ô dưới mỗi cột của dòng tiêu đề; để trống ô của tiêu chí không áp dụng
sheet-unnamed-column = có giá trị ở một cột không có tên
sheet-unnamed-column-hint = đặt tên cho cột đó hoặc xóa nội dung của nó
sheet-cell-is = ô là { $what }
sheet-district-empty = chưa ghi đơn vị cấp huyện
sheet-district-slug-not-name = hãy ghi mã `{ $slug }` của đơn vị, không ghi tên
sheet-unknown-district = không có đơn vị cấp huyện `{ $district }`
sheet-branch-empty = chưa ghi chi bộ
sheet-branch-empty-hint = ghi tên tệp của chi bộ, bỏ phần .toml
sheet-branch-slug-not-name = hãy ghi mã `{ $slug }` của chi bộ, không ghi tên
sheet-branch-elsewhere = `{ $branch }` là chi bộ của đơn vị `{ $district }`
sheet-no-branch = đơn vị `{ $district }` không có chi bộ `{ $branch }`
sheet-branch-twice = `{ $district }/{ $branch }` đã có ở dòng { $row }
sheet-branch-twice-hint = mỗi chi bộ chỉ ghi một dòng
sheet-rating-empty = chưa ghi xếp loại
sheet-rating-empty-hint = ghi một trong các mã: { $codes }
sheet-unknown-rating = xếp loại `{ $rating }` không hợp lệ
sheet-unknown-rating-hint = { $known }; ghi mã hoặc tên đầy đủ: { $names }
sheet-veto-twice = trường hợp loại trừ `{ $veto }` được ghi hai lần
sheet-veto-twice-hint = mỗi trường hợp loại trừ chỉ ghi một lần
sheet-unknown-veto = bộ tiêu chí năm { $year } không có trường hợp loại trừ `{ $veto }`
sheet-criterion-not-applicable = tiêu chí { $id } không áp dụng cho loại hình chi bộ `{ $type }`
sheet-leave-empty = để trống ô này
sheet-score-missing = chưa có điểm, nhưng tiêu chí { $id } áp dụng cho loại hình chi bộ `{ $type }`
sheet-score-missing-hint = ghi điểm từ 0 đến { $max }
sheet-score-hint = ghi một số có nhiều nhất hai chữ số thập phân, như 8.5 hoặc 8,5
csv-not-utf16 = tệp không phải văn bản UTF-16 hợp lệ
csv-not-utf8 = tệp không phải văn bản UTF-8 (dòng { $line }); hãy lưu lại bằng "CSV UTF-8"
csv-unreadable = dòng { $row }: không đọc được tệp CSV: { $reason }
cell-formula = một công thức ({ $formula }) có kết quả không phải là số; công thức không được tính: hãy gõ chính giá trị đó
sheet-merged-cells = trang tính có ô gộp ({ $range }); mỗi giá trị cần một ô riêng: chọn cả trang, bỏ gộp ô (Home ▸ Merge & Center ▸ Unmerge Cells) rồi lưu lại
sheet-nul-byte = ô { $cell } chứa ký tự NUL, không có trong văn bản nào; tệp bị hỏng: hãy gõ lại giá trị
cli-error = lỗi: { $text }
cli-usage = Cách dùng: { $usage }
cli-help-hint = Xem các tùy chọn: kieumau --help, hoặc kieumau <lệnh> --help
cli-unknown-argument = không có tùy chọn { $arg }
cli-unknown-argument-near = không có tùy chọn { $arg }; có phải là { $near }?
cli-unknown-command = không có lệnh "{ $command }"
cli-missing = còn thiếu: { $args }
cli-missing-command = lệnh nào? (build, check, serve, import, forms, booklet, snapshot, init, explain)
cli-invalid-value = { $arg } không thể là "{ $value }"; chỉ được là một trong: { $valid }
cli-bad-value = { $arg } không thể là "{ $value }": { $reason }
cli-not-a-number = hãy ghi một số nguyên, ví dụ 2025
cli-conflict = không dùng { $arg } cùng với { $other }
cli-values = số giá trị của { $arg } không đúng
cli-other = không đọc được dòng lệnh
build-internal = kieumau dừng lại ở một bước tự kiểm tra ({ $what }); đây là lỗi của kieumau, chưa có gì bị thay đổi
snapshot-never-overwritten = { $dir } đã có và không bao giờ bị ghi đè
import-cannot-parse = không đọc được tệp theo cú pháp TOML: { $reason }
import-assessments-shape = `assessments` không phải các bảng [[assessments]] cũng không phải một danh sách bảng
import-no-scratch = không tạo được thư mục tạm: { $reason }
import-scratch-write = không ghi được bản sao tạm trong { $dir }: { $reason }
import-not-held-year = tệp sau khi sửa không chứa các giá trị đã nhập của năm { $year }
import-bug-hint = đây là lỗi của lệnh kieumau import; chưa ghi tệp nào
workbook-cannot-make = không tạo được sổ tính { $name }: { $reason }
theme-missing-string = giao diện thiếu chuỗi `{ $key }`
toml-unquoted-text = văn bản { $value } chưa đặt trong dấu ngoặc kép
toml-unquoted-text-hint = đặt văn bản trong dấu ngoặc kép thẳng: "{ $value }"
toml-unquoted-text-explain = Trong TOML, giá trị là văn bản phải đặt giữa hai dấu ngoặc kép thẳng; thiếu dấu ngoặc thì các chữ bị hiểu sai và không đọc được tệp. Ví dụ: title = Sơ kết năm 2024 → title = "Sơ kết năm 2024".
import-sheet-of-another-year = trang tính "{ $sheet }" là của năm { $named }, không phải năm { $year } (--year); hãy nhập với --year { $named }, hoặc dùng biểu của năm { $year }
sheet-misread-text = chữ "{ $text }" là tiếng Việt bị đọc sai bảng mã; đúng ra là "{ $meant }"
sheet-misread-text-hint = tệp CSV đã được mở theo bảng mã Tây Âu (Windows-1252): hãy mở lại và chọn Unicode (UTF-8) (LibreOffice: Character set; Excel: Data ▸ From Text/CSV ▸ File origin 65001: Unicode (UTF-8)), rồi lưu lại
