# kieumau's messages in English. Every id here is also in vi.ftl (a test checks it).
# Diagnostic codes and their ids: src/messages/codes.rs. Terms: docs/glossary.md.

## Summaries and command results
summary-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
check-ok = ok: { $summary }
check-failed = failed: { $summary }
failed-content = failed: { $summary }; nothing was changed
failed-theme = error: { $message }
    nothing was changed
failed-io = error: { $message }
in-file = in { $file }
hint-label = hint: { $hint }
failure-code = code { $code }: see `kieumau explain { $code }`
explain-usage = unknown code `{ $code }`; the nearest codes: { $nearest }
explain-heading = { $code }: { $message }
explain-hint-heading = What to do:

## Kinds of TOML values (in "must be …, not …")
type-string = a string
type-integer = an integer
type-float = a number
type-boolean = true/false
type-date = a date
type-list = a list
type-table = a table
expect-string = a string in quotes
expect-integer = a whole number
expect-boolean = true or false (no quotes)
expect-list = a list in [brackets]
expect-table = a table

## The tables of the content files (in "unknown key … in …")
what-site = site.toml
what-district = district.toml
what-criteria = a criteria file
what-group = a group
what-criterion = a criterion
what-veto = a veto
what-front-matter = front matter
what-signer = the signer (signer = role and name)
what-rating = a rating
what-branch-type = a branch type
what-subtype = a subtype
what-target = a target
what-pilots = [pilots]
what-excellent-cap = [excellent_cap]
what-district-level = [district_level]
what-district-level = [district_level]
what-kind = district kind
what-branch = a branch file
what-assessment = an assessment

## KM00xx: files
too-many-problems = more than { $max } problems in this file; only the first are shown
too-many-problems-hint = fix these and check again, or check that this is the right file
too-many-problems-explain = kieumau stops listing the problems of one file after 200 of them: a file with so many is usually the wrong file (a pasted document, a sheet saved under a .toml name). Fix the problems shown and check again.
    Before: a branch file holding a whole exported sheet.
    After:  one branch per file, as in content/districts/<district>/<branch>.toml.
not-utf8 = file is not valid UTF-8 (first bad byte at line { $line }, column { $column })
not-utf8-hint = save the file as UTF-8: in Notepad choose File › Save As, Encoding: UTF-8; in Excel choose Save As, "CSV UTF-8". TCVN3 and VNI encodings are not supported
not-utf8-explain = Content files must be saved in the UTF-8 encoding, which holds every Vietnamese letter. A file saved in TCVN3, VNI or Windows-1258 shows broken letters and cannot be read.
    Before: a file saved by an old editor as "ANSI".
    After:  the same file saved again with Encoding: UTF-8 (Notepad) or as "CSV UTF-8" (Excel).
nul-byte = file contains a NUL byte: it looks binary, not text
nul-byte-hint = save the file as plain UTF-8 text
nul-byte-explain = The file holds a zero byte, which text never does: it is probably a Word document, a picture or a damaged copy saved under a .toml or .md name.
    Before: a .docx renamed to branch.toml.
    After:  a plain text file written in Notepad or any text editor, saved as UTF-8.
empty-file = file is empty
empty-file-hint = fill it in, or delete it if it is not needed
empty-file-explain = The file has no content. A branch, district or criteria file needs its keys.
    Before: an empty thuong-phuc.toml.
    After:  name = "Chi bộ thôn Thượng Phúc"
            type = "khu-dan-cu"

## KM01xx: TOML syntax
toml-syntax = TOML syntax error: { $detail }
toml-syntax-hint = each line is `key = value`; text goes in "straight quotes", numbers are written with a dot (8.5), sections are [name] or [[name]]
toml-syntax-explain = The file does not follow the TOML format, so none of it can be read until the spot shown is fixed.
    Before: name = Chi bộ thôn Thượng Phúc
    After:  name = "Chi bộ thôn Thượng Phúc"
toml-decimal-comma = a decimal comma: TOML numbers are written with a dot
toml-decimal-comma-hint = write { $fixed } instead of { $written }
toml-decimal-comma-explain = In TOML a comma separates the items of a list or table, so 8,5 is read as 8 followed by a stray 5. Write decimals with a dot, as spreadsheets in English do.
    Before: scores = { "{" } "2.1" = 8,5 { "}" }
    After:  scores = { "{" } "2.1" = 8.5 { "}" }
toml-curly-quotes = curly quotes (“ ” or ‘ ’) are not TOML quotes
toml-curly-quotes-hint = type the text again with straight quotes "…"; word processors turn them curly, so edit content files in Notepad or another text editor
toml-curly-quotes-explain = Word processors replace the straight quote " by curly ones “ ”. TOML only knows the straight quote.
    Before: name = “Chi bộ thôn Thượng Phúc”
    After:  name = "Chi bộ thôn Thượng Phúc"
toml-unclosed-quote = the text is missing its closing quote
toml-unclosed-quote-hint = end the text with " on the same line
toml-unclosed-quote-explain = A text value starts with " and must end with " on the same line.
    Before: name = "Chi bộ thôn Thượng Phúc
    After:  name = "Chi bộ thôn Thượng Phúc"
toml-missing-equals = a key without `=`
toml-missing-equals-hint = write the key, then =, then the value: `{ $key } = …`
toml-missing-equals-explain = Each line of a TOML table is a key, an equals sign and a value.
    Before: members 38
    After:  members = 38
toml-duplicate-key = the key `{ $key }` is written twice
toml-duplicate-key-hint = keep one line with `{ $key }` and delete the other
toml-duplicate-key-explain = A key may appear only once in a table: kieumau cannot tell which of the two values is meant.
    Before: members = 38
            members = 40
    After:  members = 40
toml-duplicate-table = the section [{ $table }] is opened twice
toml-duplicate-table-hint = merge the two [{ $table }] sections into one; for a list of entries write [[{ $table }]] with two brackets
toml-duplicate-table-explain = A section [name] may be opened only once in a file. Entries that repeat (ratings, assessments) use two brackets.
    Before: [pilots]
            per_type = [1, 3]
            { "[" }pilots]
    After:  [pilots]
            per_type = [1, 3]
assessment-without-year = an [[assessments]] entry has no `year`
assessment-without-year-hint = add `year = { $example }` as the first line under [[assessments]]
assessment-without-year-explain = Each [[assessments]] section is the assessment of one year, so it must say which year.
    Before: [[assessments]]
            rating = "HTTNV"
    After:  [[assessments]]
            year = 2024
            rating = "HTTNV"

## KM02xx: keys and values
unknown-key = unknown key `{ $key }` in { $what }
unknown-key-near = did you mean `{ $near }`? Keys of { $what }: { $allowed }
unknown-key-list = keys of { $what }: { $allowed }
unknown-key-explain = The key is not one that kieumau knows in this table. It is refused rather than ignored, so that a typo never drops data silently.
    Before: membres = 38
    After:  members = 38
more-unknown-keys = { $count } more unknown keys in { $what }
more-unknown-keys-hint = keys of { $what }: { $allowed }
more-unknown-keys-explain = Many unknown keys in one table: only the first are listed one by one. Check that this is the right file and that its keys are spelt as in the README.
    Before: a sheet's header pasted as keys.
    After:  only the keys listed in the hint.
missing-key = missing key `{ $key }` in { $what }
missing-key-hint = add a line like `{ $key } = { $example }`
missing-key-explain = This table needs the key shown.
    Before: [[assessments]]
            year = 2024
    After:  [[assessments]]
            year = 2024
            rating = "HTTNV"
wrong-type = `{ $key }` must be { $expected }, not { $found }
wrong-type-hint = write it like `{ $key } = { $example }`
wrong-type-explain = The value has the wrong kind: text needs quotes, numbers and true/false must not have them, lists go in [brackets].
    Before: members = "38"
    After:  members = 38
empty-text = `{ $key }` is empty
empty-text-hint = write it like `{ $key } = { $example }`
empty-text-explain = Names and titles cannot be empty: they are shown on the pages.
    Before: name = ""
    After:  name = "Chi bộ thôn Thượng Phúc"
control-char = `{ $key }` contains a control character ({ $char })
control-char-hint = names and titles are one line of plain text: remove tabs, line breaks and \u escapes
control-char-explain = A name or title holds a tab, a line break or another invisible character, often pasted from a sheet.
    Before: name = "Chi bộ\tthôn Thượng Phúc"
    After:  name = "Chi bộ thôn Thượng Phúc"
text-too-long = `{ $key }` is too long ({ $chars } characters; the limit is { $max })
text-too-long-hint = shorten it; longer text belongs in a Markdown note beside the file
text-too-long-explain = Names, titles and ids are short; a long text is usually a pasted paragraph. Put it in a note (a .md file beside the .toml).
    Before: name = "Chi bộ thôn Thượng Phúc, thành lập năm 1947, …"
    After:  name = "Chi bộ thôn Thượng Phúc" and the history in thuong-phuc.md
integer-out-of-range = `{ $key }` = { $value } is out of range ({ $min }..={ $max })
integer-out-of-range-hint = write a whole number from { $min } to { $max }
integer-out-of-range-explain = The whole number lies outside the values this key allows.
    Before: members = -3
    After:  members = 38
not-a-table-list = `{ $key }` must be a list of tables, not { $found }
not-a-table-list-sections = write each entry as a section starting with the line { $example } (two brackets)
not-a-table-list-explain = This key holds entries, each a section of its own with two brackets.
    Before: ratings = "HTXSNV"
    After:  [[ratings]]
            code = "HTXSNV"
            name = "Hoàn thành xuất sắc nhiệm vụ"
entry-not-table = each entry of `{ $key }` must be a table, not { $found }
entry-not-table-hint = write entries as [[{ $key }]] sections
entry-not-table-explain = Each entry of this list is a table (a section with its own keys).
    Before: assessments = [2024]
    After:  [[assessments]]
            year = 2024
entry-not-string = entries of `{ $key }` must be strings, not { $found }
entry-not-string-hint = write it like `{ $key } = { $example }`
entry-not-string-explain = The list holds ids, each in quotes.
    Before: vetoes = [ky-luat]
    After:  vetoes = ["ky-luat"]
number-not-decimal = `{ $key }` = { $value } is not a decimal number
number-not-decimal-hint = write numbers in decimal digits, e.g. 8.5
number-not-decimal-explain = Numbers are written in decimal digits; hexadecimal, octal and binary forms are refused.
    Before: "1.1" = 0x9
    After:  "1.1" = 9
not-a-number = `{ $key }` must be a number, not { $found }
not-a-number-hint = write numbers without quotes, with a dot for decimals: 8.5
not-a-number-explain = A score is a number written without quotes.
    Before: "1.1" = "8.5"
    After:  "1.1" = 8.5
too-many-decimals = `{ $key }` = { $value } has more than two decimals
too-many-decimals-hint = round it to two decimals, e.g. 8.25
too-many-decimals-explain = Scores have at most two decimals, so that every sum is exact.
    Before: "1.1" = 8.333
    After:  "1.1" = 8.33
number-not-finite = `{ $key }` = { $value } is not a number
number-not-finite-hint = write a plain number like 8.5
number-not-finite-explain = inf and nan are not scores.
    Before: "1.1" = nan
    After:  "1.1" = 8.5
number-exponent = `{ $key }` = { $value } uses an exponent
number-exponent-hint = write the number out in full, e.g. 10 instead of 1e1
number-exponent-explain = Write numbers out in full, without an exponent.
    Before: "2.1" = 1.8e1
    After:  "2.1" = 18
number-too-large = `{ $key }` = { $value } is far too large
number-too-large-hint = check the number
number-too-large-explain = The number is far larger than any score or count could be.
    Before: "2.1" = 18000000000000
    After:  "2.1" = 18
number-malformed = `{ $key }` = { $value } is not a plain decimal
number-malformed-hint = write it like 8.5
number-malformed-explain = Write a plain decimal with a dot.
    Before: "2.1" = +.5
    After:  "2.1" = 0.5

## Command line (--help)
help-kieumau = Static report sites for the model party branch programme
help-heading-usage = Usage
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-value-command = COMMAND
help-arg-help = Print help
help-arg-version = Print the version
help-arg-root = The site folder (holding content/)
help-arg-lang = The language of messages: vi or en (default: the site's language)
help-arg-output = Where to write the site (default: <root>/output)
help-arg-year = The year
help-check = Check the content and report every problem, without building
help-check-strict = Treat warnings as errors
help-check-format = Output format of the diagnostics (json: one object per line)
help-build = Build the site into output/ (replaced whole, only when the build succeeds)
help-build-base_url = Base URL of the published site ("" = relative links)
help-serve = Build, serve the site on this machine, rebuild and reload pages when content changes
help-serve-port = The port to listen on (0: any free port)
help-serve-bind = The address to listen on; the default keeps the site on this machine
help-snapshot = Freeze the current content into snapshots/<date>-<hash>/ (never overwritten)
help-snapshot-label = What the snapshot is, e.g. "Sơ kết năm 2024"
help-snapshot-unlisted = Put an unguessable token in the folder name and leave it off the snapshot list
help-booklet = Make the year's report: a PDF printed by headless Chromium (--pdf), an editable Word file (--docx), or both
help-booklet-year = The year of the review
help-booklet-pdf = Where to write the PDF
help-booklet-chromium = The Chromium to print with (default: KIEUMAU_CHROMIUM, then chromium on PATH)
help-booklet-timeout = Give up printing after this many seconds
help-import = Write sheets of one year's assessments (CSV or XLSX, the format of data/scores-<year>.csv or the workbooks of `kieumau forms`) or a branch register into the branch files; all or nothing
help-import-files = The sheets: .csv (comma or semicolon separated) or .xlsx workbooks; several are checked together
help-import-year = The year of the assessments in the sheets (a branch register needs none)
help-import-dry_run = Show what would change, write nothing
help-import-sheet = The workbook's sheet to read (default: the first)
help-init = Create a new site with a small example in DIR (which must be empty or absent)
help-init-dir = The new site's folder (relative to --root)
help-explain = Explain a diagnostic code (e.g. KM0101): what it means and how to fix it
help-explain-code = The code, as shown in the report of `kieumau check`

## Lists of known values in hints
known-many = { $first }, … ({ $count } in all)
known-near = did you mean `{ $near }`? Known: { $list }
known-none = none is defined
known-list = known: { $list }

## Results of the commands
build-done = Built { $pages } pages, { $charts } charts, { $files } files{ $unchanged } in { $elapsed } into { $output }{ $problems }
build-unchanged = {" "}({ $written } written, { $carried } unchanged)
snapshot-created = Snapshot created: snapshots/{ $id }/ ({ $label })
    The link to send (after `kieumau build` and publishing): { $link }
snapshot-label-not-used = the label "{ $asked }" was not used: a snapshot is never changed, so its label stays "{ $label }"; to freeze the same content under another label, change the content first
snapshot-existing = Unchanged content: snapshots/{ $id }/ ({ $label }) already holds it; nothing was created
    The link to send: { $link }
booklet-printed = Printed the { $year } booklet to { $pdf } in { $elapsed }
severity-error = error
severity-warning = warning
help-possible = one of: { $values }
help-default = default: { $value }

## KM03xx: branches and their references
unknown-type = unknown branch type `{ $value }`
unknown-type-explain = A branch's `type` is the slug of one of the [[branch_types]] of site.toml.
    Before: type = "khu dan cu"
    After:  type = "khu-dan-cu"
unknown-subtype = unknown subtype `{ $value }` of branch type `{ $type }`
unknown-subtype-explain = A branch's `subtype` is the slug of one of the subtypes of its type in site.toml.
    Before: subtype = "thon-xom"
    After:  subtype = "thon"
missing-subtype = missing key `subtype`: branch type `{ $type }` has subtypes
missing-subtype-hint = add `subtype = "{ $first }"`; known: { $known }
missing-subtype-explain = This branch type is divided into subtypes, so each of its branches says which one it is.
    Before: type = "khu-dan-cu"
    After:  type = "khu-dan-cu"
            subtype = "thon"
too-many-assessments = { $count } assessments is more than the limit of { $max }
too-many-assessments-hint = a branch has at most one [[assessments]] per year; check that this is a branch file
too-many-assessments-explain = A branch has one assessment per year, so a few hundred of them means the wrong file.
    Before: a file with thousands of [[assessments]] sections.
    After:  one [[assessments]] per year of the programme.
second-assessment = a second assessment for { $year }
second-assessment-hint = a branch has one assessment per year: merge them or correct the year
second-assessment-explain = Two [[assessments]] sections of one branch give the same year.
    Before: [[assessments]]
            year = 2024
            …
            { "[" }[assessments]]
            year = 2024
    After:  the second one with year = 2025, or the two merged.
assessment-gap = no assessment for { $missing } (a gap between { $before } and { $after })
assessment-gap-hint = add the missing year's [[assessments]], or check the years
assessment-gap-explain = The branch was assessed before and after a year but not in it. This is a warning: the build goes on, and the branch does not count in that year.
    Before: assessments for 2022 and 2024.
    After:  assessments for 2022, 2023 and 2024.
unknown-rating = unknown rating `{ $value }`
unknown-rating-explain = A `rating` is the code of one of the [[ratings]] of site.toml.
    Before: rating = "HTTTNV"
    After:  rating = "HTTNV"
no-framework-for-year = no criteria framework is in force in { $year }
no-framework-for-year-hint = add criteria/{ $year }.toml or an earlier one (the first framework starts in { $first })
no-framework-for-year-explain = Scores are read against the criteria framework in force that year: the file criteria/<year>.toml with the latest year not after it.
    Before: an assessment for 2021 and only criteria/2022.toml.
    After:  criteria/2021.toml, or the assessment's year corrected.
veto-twice = veto `{ $id }` is listed twice
veto-twice-hint = list each veto once
veto-twice-explain = Each veto id appears once in an assessment's `vetoes`.
    Before: vetoes = ["ky-luat", "ky-luat"]
    After:  vetoes = ["ky-luat"]
unknown-veto = unknown veto `{ $id }` in the { $year } framework
unknown-veto-explain = `vetoes` lists ids of the [[vetoes]] of that year's criteria framework.
    Before: vetoes = ["kyluat"]
    After:  vetoes = ["ky-luat"]

## KM04xx: scores
criterion-not-for-type = criterion `{ $id }` does not apply to branch type `{ $type }` in the { $year } framework
criterion-not-for-type-hint = remove this score; the criterion is for other branch types
criterion-not-for-type-explain = The criterion has a `types` list in the framework that leaves out this branch's type, so the branch is not scored on it.
    Before: scores = { "{" } "1.1" = 9, "5.3" = 4 { "}" }
    After:  scores = { "{" } "1.1" = 9 { "}" }
unknown-criterion = unknown criterion `{ $id }` in the { $year } framework
unknown-criterion-explain = A score's key is the id of a criterion of that year's framework (in quotes, as "1.1").
    Before: scores = { "{" } "1.10" = 9 { "}" }
    After:  scores = { "{" } "1.1" = 9 { "}" }
score-negative = score { $score } for `{ $id }` is negative
score-range-hint = a score lies between 0 and { $max }
score-negative-explain = A score lies between 0 and the criterion's maximum.
    Before: "1.1" = -2
    After:  "1.1" = 2
score-above-max = score { $score } for `{ $id }` is above its maximum { $max }
score-above-max-explain = A score cannot be above the criterion's `max` in the framework.
    Before: "2.1" = 46   (max = 45)
    After:  "2.1" = 45
missing-scores = missing scores for { $missing }
missing-scores-hint = every criterion of the { $year } framework for type `{ $type }` is scored: { $all }
missing-scores-explain = Every criterion that applies to the branch's type in that year's framework needs a score (0 if none was earned).
    Before: scores = { "{" } "1.1" = 9 { "}" }
    After:  scores = { "{" } "1.1" = 9, "1.2" = 0 { "}" }

## KM031x–KM032x: site settings and criteria frameworks
what-language = language
what-metric = metric
what-scope = scope
what-group-ref = group
what-level = level
unknown-value = unknown { $what } `{ $value }`
unknown-value-explain = The value is not one of those this key allows; the hint lists them.
    Before: language = "vn"
    After:  language = "vi"
defined-twice = { $what } `{ $id }` is defined twice
defined-twice-hint = each code is defined once: delete or rename the second
defined-twice-explain = Codes, slugs and ids are unique where they are defined: kieumau could not tell which of the two is meant.
    Before: two [[ratings]] with code = "HTTNV"
    After:  one [[ratings]] with code = "HTTNV"
none-defined = no [[{ $table }]] defined
none-defined-ratings = list the ratings best first: [[ratings]] code = "HTXSNV" name = "…" good = true
none-defined-types = define the branch types: [[branch_types]] slug = "khu-dan-cu" name = "Khu dân cư"
none-defined-kinds = define at least one kind: kinds = [{"{"} slug = "xa", name = "Đảng bộ xã" {"}"}], or leave kinds out to use huyen / thanh-pho / truc-thuoc
none-defined-criteria = a framework lists its criteria as [[criteria]] sections
none-defined-explain = The file needs at least one section of this kind.
    Before: site.toml without [[ratings]].
    After:  [[ratings]]
            code = "HTXSNV"
            name = "Hoàn thành xuất sắc nhiệm vụ"
            good = true
bad-slug = `{ $value }` may only contain lowercase a-z, 0-9 and '-'
bad-slug-hint = try `{ $suggestion }`
bad-slug-explain = Slugs become web addresses and folder names, so they are written in lowercase ASCII letters, digits and hyphens, without accents or spaces.
    Before: slug = "Khu dân cư"
    After:  slug = "khu-dan-cu"
year-order = `{ $key }` { $year } is before `first_year` { $first }
year-order-target = the programme's target year comes after its first year
year-order-last = last_year is the last year with data; it defaults to target_year
year-order-explain = The programme's years run from `first_year` to `last_year` (by default `target_year`).
    Before: first_year = 2025
            target_year = 2022
    After:  first_year = 2022
            target_year = 2025
not-a-percentage = `{ $key }` = { $value } is not a percentage
not-a-percentage-hint = write a number from 0 to 100
not-a-percentage-explain = Percentages are written as numbers from 0 to 100, without the % sign.
    Before: at_least = 0.9
    After:  at_least = 90
target-without-threshold = a target needs `at_least` or `more_than`
target-without-threshold-hint = add `at_least = 90` (90.0% meets it) or `more_than = 20` (20.0% does not)
target-without-threshold-explain = A target says the level to reach: `at_least` (that value meets it) or `more_than` (it must be exceeded).
    Before: [[targets]]
            name = "…"
    After:  [[targets]]
            name = "…"
            at_least = 90
target-two-thresholds = a target takes `at_least` or `more_than`, not both
target-two-thresholds-hint = keep the one the programme states
target-two-thresholds-explain = A target has one threshold.
    Before: at_least = 90
            more_than = 90
    After:  at_least = 90
bad-per-type = `per_type` must be two whole numbers [min, max] with min <= max
bad-per-type-hint = write it like `per_type = [1, 3]`
bad-per-type-explain = `per_type` gives the fewest and the most pilots a district picks in each branch type.
    Before: per_type = 3
    After:  per_type = [1, 3]
too-many-criteria = { $count } criteria is more than the limit of { $max }
too-many-criteria-hint = check that this is a criteria framework
too-many-criteria-explain = A framework has tens of criteria; thousands means the wrong file.
    Before: a sheet saved as criteria/2022.toml.
    After:  the framework's [[criteria]] sections only.
max-not-positive = `max` = { $value } must be above 0
max-not-positive-hint = a criterion's maximum is a positive number of points
max-not-positive-explain = A criterion's `max` is the points it is worth.
    Before: max = 0
    After:  max = 10
min-out-of-range = `min` = { $value } is not between 0 and `max` = { $max }
min-out-of-range-hint = a minimum lies between 0 and `max`
min-out-of-range-explain = A criterion's `min` is the least a model branch scores on it, so it lies between 0 and `max`.
    Before: max = 10
            min = 12
    After:  max = 10
            min = 7
no-criterion-for-type = no criterion applies to branch type `{ $type }`
no-criterion-for-type-hint = add criteria without `types` (common to every type) or list this type in some criterion's `types`
no-criterion-for-type-explain = Each branch type must be scored on at least one criterion of the framework.
    Before: every criterion with types = ["khu-dan-cu"]
    After:  some criteria without `types`, which apply to every type

## KM05xx: files and folders of the site
site-toml-missing = content/site.toml is missing
site-toml-missing-hint = every site has content/site.toml with its title, ratings, branch types and targets (see README)
site-toml-missing-explain = content/site.toml holds the site's settings; nothing can be checked without it. `kieumau init DIR` writes a complete example.
    Before: content/ with districts/ only.
    After:  content/site.toml beside districts/.
criteria-name-not-year = criteria file name `{ $stem }.toml` is not a year
criteria-name-not-year-hint = name criteria files by the first year they apply, e.g. criteria/2022.toml
criteria-name-not-year-explain = A criteria framework's file is named after the first year it applies.
    Before: criteria/khung-moi.toml
    After:  criteria/2024.toml
framework-after-last-year = framework { $year } starts after the last year { $last }
framework-after-last-year-hint = it is never used; raise `last_year` in site.toml or rename the file
framework-after-last-year-explain = The framework would start after the site's last year, so no assessment uses it.
    Before: criteria/2027.toml with last_year = 2025
    After:  last_year = 2027, or the file renamed
no-framework = no criteria framework found
no-framework-hint = add content/criteria/{ $year }.toml with the criteria in force from that year
no-framework-explain = Scores are read against a criteria framework, kept in content/criteria/<year>.toml.
    Before: no content/criteria/ folder.
    After:  content/criteria/2022.toml
review-outside-years = review for { $year } is outside the site's years { $first }-{ $last }
review-outside-years-hint = name it after a year between first_year and last_year
review-outside-years-explain = A review is the report text of one year of the programme.
    Before: reviews/2019.md with first_year = 2022
    After:  reviews/2022.md
review-name-not-year = review file name `{ $stem }.md` is not a year
review-name-not-year-hint = name reviews by their year, e.g. reviews/2024.md
review-name-not-year-explain = Review files are named after their year.
    Before: reviews/so-ket.md
    After:  reviews/2024.md
district-folder-slug = district folder name `{ $slug }` is not a valid slug
district-folder-slug-hint = rename the folder to lowercase a-z, 0-9 and '-', e.g. `{ $suggestion }`
district-folder-slug-explain = A district's folder name becomes its web address, so it is written without accents or spaces.
    Before: districts/Đông Hưng/
    After:  districts/dong-hung/
district-toml-missing = district folder has no district.toml
district-toml-missing-hint = add district.toml with `name = "Huyện …"`, `kind = "huyen"` and `order = 1`
district-toml-missing-explain = Each district folder holds district.toml with the district's name, kind and order.
    Before: districts/dong-hung/ with branch files only.
    After:  districts/dong-hung/district.toml: name = "Huyện Đông Hưng"
note-year = `{ $stem }` in the note's file name is not a year of the site
note-year-dots = the note's file name has two dots in a row: no year between them
note-year-hint = name yearly notes <name>.<year>.md with a year from { $first } to { $last }
note-year-explain = A note for one year is named <name>.<year>.md, with a year of the programme.
    Before: thuong-phuc.2019.md
    After:  thuong-phuc.2024.md
note-unknown-branch = note for unknown branch `{ $slug }`
note-unknown-branch-hint = there is no { $slug }.toml beside it: rename the note after an existing branch file
note-unknown-branch-explain = A branch's notes are named after its file: thuong-phuc.md goes with thuong-phuc.toml.
    Before: thuongphuc.md beside thuong-phuc.toml
    After:  thuong-phuc.md
branch-file-slug = branch file name `{ $slug }` is not a valid slug
branch-file-slug-hint = rename it to lowercase a-z, 0-9 and '-', e.g. `{ $suggestion }.toml`
branch-file-slug-explain = A branch's file name becomes its web address, so it is written without accents or spaces.
    Before: Thượng Phúc.toml
    After:  thuong-phuc.toml

## KM00xx: reading the content folder
symlink-ignored = symbolic link ignored
symlink-ignored-hint = kieumau does not follow links; copy the file into content/ instead
symlink-ignored-explain = Links (shortcuts) inside content/ are not followed, so that a build reads only the site's own files. This is a warning.
    Before: content/districts/dong-hung/a.toml, a link to another folder.
    After:  the file itself copied there.
cannot-read-entry = cannot read this folder entry: { $reason }
permissions-hint = check the file's permissions
cannot-read-entry-explain = The operating system refused to list or open the entry; the reason is its own.
    Before: a folder readable by another user only.
    After:  the folder made readable by the user who runs kieumau.
no-content-folder = no content/ folder here
no-content-folder-hint = run kieumau in a site folder, pass --root DIR, or create one with `kieumau init DIR`
no-content-folder-explain = kieumau works on a site folder: one that holds content/.
    Before: kieumau check in the Documents folder.
    After:  kieumau check --root D:\bao-cao, or kieumau init bao-cao first.
unexpected-entry = unexpected { $what }, ignored
what-file = file
what-folder = folder
unexpected-entry-hint = content/ holds site.toml, criteria/<year>.toml, reviews/<year>.md and districts/<district>/
unexpected-entry-explain = The file or folder is not part of the content format, so it is left out. This is a warning.
    Before: content/ghi-chu.docx
    After:  the file moved out of content/, or into a files/ folder if a note links it.
unexpected-in-district = unexpected { $what } inside a district, ignored
unexpected-in-district-hint = a district folder holds district.toml, <branch>.toml and Markdown notes only (and files/ for what the notes show)
unexpected-in-district-explain = A district folder holds district.toml, one .toml per branch, Markdown notes and a files/ folder. Anything else is left out. This is a warning.
    Before: districts/dong-hung/danh-sach.xlsx
    After:  the sheet imported with kieumau import, then moved out.
cannot-read-file = cannot read file: { $reason }
cannot-read-file-explain = The operating system refused to open the file; the reason is its own.
    Before: a file open and locked in another program.
    After:  the file closed there, then checked again.
not-regular-file = not a regular file (a pipe, socket or device), so it cannot be read
not-regular-file-hint = replace it with a plain text file, or remove it
not-regular-file-explain = Only ordinary files are content.
    Before: a named pipe called a.toml.
    After:  a text file a.toml.
file-too-large = file is too large ({ $size } bytes; the limit is { $max })
file-too-large-hint = a content file holds one branch, district or note; split it or check it is the right file
file-too-large-explain = Content files are small text files: 8 MiB is far more than any branch or note needs.
    Before: a video renamed to a.md.
    After:  the video left out, or linked from a note in files/.

## KM07xx: notes
front-matter-unclosed = front matter is not closed
front-matter-unclosed-hint = end the front matter with a line containing only +++, or remove the opening +++
front-matter-unclosed-explain = A note may start with settings between two lines of +++; the second line is missing.
    Before: +++
            title = "Ghi chú"
            Nội dung…
    After:  +++
            title = "Ghi chú"
            +++
            Nội dung…
note-too-deep = the note nests more than { $max } levels deep here
note-too-deep-hint = check for HTML tags that are never closed, or quotes and lists nested far too deep
note-too-deep-explain = Quotes, lists or HTML tags inside each other go more than a hundred levels deep, which no real note needs: usually tags that are opened and never closed.
    Before: <div><div><div>… with no </div>
    After:  each <div> closed with </div>, or plain Markdown
note-open-formatting = more than { $max } HTML formatting tags are open at once here
note-open-formatting-hint = close each <b>, <i>, <font>… with its </b>, </i>, </font>, or use Markdown **bold** and *italics*
note-open-formatting-explain = Text pasted from a word processor often leaves formatting tags open.
    Before: <b>Kết quả <b>năm <b>2024
    After:  **Kết quả năm 2024**
front-matter-syntax = front matter is not valid TOML: { $detail }
front-matter-syntax-hint = front matter holds lines like `title = "…"` between two +++ lines
front-matter-syntax-explain = The settings between the +++ lines follow the TOML format.
    Before: title: Ghi chú
    After:  title = "Ghi chú"
front-matter-date = `date` must be a date, not { $found }
front-matter-date-hint = write it like `date = 2024-12-15`
front-matter-date-explain = A date is written year-month-day, without quotes.
    Before: date = "15/12/2024"
    After:  date = 2024-12-15

note-file-missing = `{ $url }` points at a file that is not there: `{ $file }`
note-file-missing-hint = put the file there, or correct its name in the note to match the name on disk exactly (capitals, small letters and accents)
note-file-missing-explain = A note shows a photo or links a document of the files/ folder beside it; the build publishes that file beside the page that shows the note. Here the file is not there, so the image or link is left out. This is a warning (--strict: an error).
    Before: ![Họp chi bộ](files/hop-chi-bo.jpg) with no hop-chi-bo.jpg in files/
    After:  hop-chi-bo.jpg put in content/districts/<district>/files/
note-file-kind = `{ $file }`: files of this kind are not published
note-file-kind-hint = the kinds published: { $kinds }; save the file as one of them
note-file-kind-explain = Notes publish only common photos and documents, so that the intranet site never carries programs or odd files. A file of another kind is not published and the link to it is left out. This is a warning.
    Before: [Biên bản](files/bien-ban.doc)
    After:  [Biên bản](files/bien-ban.docx) or [Biên bản](files/bien-ban.pdf)
note-link-outside-files = `{ $url }` does not point into the files/ folder beside the note, so it is left out of the site
note-link-outside-files-hint = put the file in `{ $folder }` and write `files/<file name>`
note-link-outside-files-explain = A note's relative links and images may point only into the files/ folder beside it (the district's files/, or content/files/ for a year's review). A link pointing elsewhere would not work on the built site, so it is left out. This is a warning.
    Before: ![Họp](hop.jpg) or ![Họp](../anh/hop.jpg)
    After:  ![Họp](files/hop.jpg), with the file in files/

## KM08xx: warnings from the figures
pilots-out-of-range = { $district } has { $pilots } pilot(s) of type `{ $type }`; the rule asks for { $min } to { $max }
pilots-out-of-range-hint = set `pilot = <year>` in the chosen branches' files, or adjust [pilots] per_type in site.toml
pilots-out-of-range-explain = Each district picks a number of pilot branches in every branch type it has, as [pilots] per_type of site.toml says. This is a warning.
    Before: no branch of the type with `pilot = …`
    After:  pilot = 2022 in the chosen branch's file
excellent-over-cap = { $district } in { $year }: { $count } { $excellent } is more than { $pct }% of its { $base } { $of }
excellent-over-cap-hint = check the ratings; the cap is set in [excellent_cap] of site.toml
excellent-over-cap-explain = The number of branches rated excellent is capped at a share of those rated good. This is a warning.
    Before: 5 HTXSNV for 10 HTTNV with max_pct = 20
    After:  at most 2 HTXSNV for 10 HTTNV

## KM09xx: the output folder of a build
output-holds-site = --output { $dir } is the site's folder { $site }, or holds it: a build replaces its output whole and would delete the site
output-holds-site-hint = write the site to a folder of its own, such as output/ (the default) or public/
output-holds-site-explain = A build replaces its output folder whole. If that folder is the site's own folder, or holds it, the build would delete content/, snapshots/ and everything else in it, so kieumau refuses, even with --force.
    Before: kieumau build --root my-site --output my-site
    After:  kieumau build --root my-site --output my-site/output
output-in-kept-folder = --output { $dir } lies in the site's { $folder }/ folder, or holds it: a build replaces its output whole and would destroy what { $folder }/ keeps
output-in-kept-folder-hint = write the site to a folder of its own, outside content/, snapshots/ and themes/, such as output/ (the default)
output-in-kept-folder-explain = content/ holds what you edit, snapshots/ the frozen snapshots and themes/ the theme. A build replaces its output folder whole, so the output may not lie in any of them or hold one, even with --force.
    Before: kieumau build --output content/site
    After:  kieumau build --output output
output-not-kieumau = { $dir } holds files kieumau did not write ({ $entries }); a build replaces its output whole and would delete them
output-not-kieumau-hint = choose an empty or new folder, move those files elsewhere, or add --force if the folder may be replaced
output-not-kieumau-explain = Every build leaves a .kieumau-output file at the top of its output, and its state beside it lists what it wrote. A folder that is not empty and lacks both, or that holds entries the last build did not write, is not replaced unless you add --force.
    Before: kieumau build --output Documents
    After:  kieumau build --output Documents/bao-cao (a new folder), or --force
output-is-file = --output { $dir } is a file, not a folder
output-is-file-hint = give the path of a folder (it is made if it does not exist)
output-is-file-explain = A build writes a whole site, a folder of pages, at --output; the path names a file, so nothing is written.
    Before: kieumau build --output report.html
    After:  kieumau build --output report
help-build-force = Replace --output even if it holds files kieumau did not write (never the site's own folders)

## init, snapshot, build, theme
init-is-file = { $dir } exists and is a file, not a folder
init-cannot-read = cannot read { $dir }: { $reason }
init-not-empty = { $dir } is not empty; kieumau init only creates a site in a new or empty folder, so that nothing is overwritten
init-cannot-create = cannot create the site in { $dir }: { $reason }
init-done = Created a new site in { $dir } ({ $count } files): an example with 2 districts and 5 branches.
    Next:
      kieumau build --root { $arg }     then open { $dir }/output/index.html
      read { $dir }/README.md (in Vietnamese) before editing content/
error-line = error: { $message }
snapshot-no-random = no random source for the unlisted token: { $reason }
snapshot-target-exists = { $dir } exists but holds no snapshot of this content; snapshots are never overwritten: move it away first
snapshot-cannot-write = cannot write the snapshot { $dir }: { $reason }
build-cannot-write = cannot write the output to { $dir }: { $reason }
build-state-failed = reading the output's state failed
theme-missing = theme folder { $dir } does not exist
theme-cannot-read = cannot read the theme: { $reason }
theme-template-not-utf8 = theme template { $path } is not UTF-8
theme-file-not-utf8 = theme file { $path } is not UTF-8

## Score sheets and workbooks (import, sheets16)
sheet-mangled-header = { $count } criterion header(s) were turned into numbers or dates by a spreadsheet ({ $shown }), so the columns cannot be matched to the criteria { $ids }
sheet-mangled-header-hint = format the header row as Text before typing the ids (or type an apostrophe first: '5.10), or import the CSV with the columns as Text
sheet-mangled-header-explain = Spreadsheets turn a typed 5.10 into the number 5.1 and 1.1 into a date, so the header no longer names the criteria. The import format's header cells are text.
    Before: district | branch | rating | vetoes | 01-Jan | 5.1
    After:  district | branch | rating | vetoes | 1.1 | 5.10
sheet-ambiguous-number = "{ $text }" is ambiguous: a thousands separator or three decimals
sheet-ambiguous-number-hint = a score has at most two decimals: write 1 or 1000 without a separator, or 8.5
sheet-ambiguous-number-explain = With three digits after a comma or a point, a cell may mean a thousand or a decimal. It is refused rather than guessed.
    Before: 1,000
    After:  1 (or 1000)
sheet-rating-names = write a code or a full name: { $names }
import-put-back = the { $count } file(s) already replaced were put back; no file was changed
import-not-put-back = these files could not be put back and hold the new values: { $files }
import-cannot-replace = cannot replace { $file }: { $error }; { $state }
## booklet --pdf
print-install-hint = { $how }, or name it with --chromium PATH or the KIEUMAU_CHROMIUM environment variable
print-install-linux = install Chromium (Debian/Ubuntu: `apt-get install chromium`; Fedora: `dnf install chromium`) or Google Chrome
print-install-macos = install Google Chrome (google.com/chrome) or Chromium (`brew install --cask chromium`)
print-install-windows = Microsoft Edge comes with Windows 10 and 11 (if it was removed, install Microsoft Edge or Google Chrome again)
print-not-found-at = Chromium not found at { $path }: { $hint }
print-not-found = no Chromium found to print the PDF: { $hint }
print-no-year = no assessments in { $year }; booklets exist for { $years }
print-io = { $what }: { $reason }
print-no-temp = cannot make a temporary folder
print-no-cwd = no current folder
print-no-wait = cannot wait for Chromium
print-cannot-start = cannot start { $path }: { $reason }
print-failed = Chromium failed ({ $status }): { $tail }
print-timeout = Chromium did not finish printing within { $seconds }s
print-no-outline = cannot read the outline (bookmarks) of the PDF { $path } Chromium printed: { $reason }
print-no-pdf = Chromium wrote no PDF to { $path }

## import: the result
import-done = imported { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    } for { $year } from { $file }: { $files ->
        [one] 1 file
       *[other] { $files } files
    } changed, { $unchanged } unchanged{ $next }
import-next = ; run `kieumau build` to update the site
import-dry-run = dry run: { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    } for { $year }: { $files ->
        [one] 1 file
       *[other] { $files } files
    } would change, { $unchanged } unchanged; nothing was written
import-refused = import refused: the site has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; fix them first (`kieumau check`), nothing was written
import-failed = import failed: { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    } in { $file }; no file was written
import-stopped = import stopped: the edited files do not pass the site's rules; no file was written

## serve
serve-listening = Serving { $output } at { $url } (Ctrl-C to stop)
serve-rebuilt = Rebuilt { $pages } pages ({ $written } files written) in { $elapsed }
serve-failed-kept = The build failed; the browser keeps showing the last good build. Fix the problems above and save: it rebuilds by itself.
serve-failed-none = Nothing could be built yet. Fix the problems above and save: it rebuilds by itself.
serve-error-line = error: { $message }
serve-cannot-listen = cannot listen on { $address }: { $error }
    hint: another program may be using this port; try another --port, or --port 0
serve-cannot-watch = cannot watch the content folders for changes: { $error }
serve-errors-title = { $count ->
    [one] 1 error to fix
   *[other] { $count } errors to fix
}
serve-warnings-title = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
serve-report-cut = … { $bytes } more bytes not shown; run `kieumau check` to see them all
serve-page-failed = Nothing built yet: the content has errors
serve-page-missing = No such page
serve-page-missing-hint = There is no page { $path } in the build. Home: /
## import: several files, the branch register (sheets16b)
import-not-a-sheet = { $file } is neither a .csv nor an .xlsx file; export the sheet as CSV or as an Excel workbook
import-sheet-of-csv = --sheet is for workbooks (.xlsx); a CSV file has one sheet
import-no-file = name at least one sheet to import
import-cannot-read = cannot read { $file }: { $error }
import-cannot-edit = cannot edit { $file }: { $error }
import-mixed = a branch register and score sheets cannot be imported together: import the register first, then the score sheets
import-needs-year = score sheets need --year YEAR (a branch register does not)
import-in-two-files = row { $row }: branch `{ $branch }` is also on row { $other_row } of { $other }; each branch belongs in one file
import-not-held = the edited file does not hold the register's fields; this is a bug in kieumau import, nothing was written
sheet-too-large = { $file } is larger than { $max } MB; a whole province's sheet is a few MB: check the file
register-place = row { $row } ({ $district }/{ $branch }), column "{ $column }"
register-column-twice = row { $row }: column "{ $column }" appears twice; keep one
register-unknown-column = row { $row }: a branch register has no column "{ $column }"; its columns are { $columns } and (optionally) pilot
register-no-column = row { $row }: the header has no column "{ $column }"; a branch register has the columns { $columns } and (optionally) pilot
register-not-text = the cell holds { $what }, not text
register-empty = the "{ $column }" cell is empty
register-unknown-district = no district `{ $value }`: write the district's folder name (slug) or its name
register-unknown-type = no branch type `{ $value }`
register-unknown-subtype = no subtype `{ $value }` in branch type `{ $type }`
register-no-subtypes = branch type `{ $type }` has no subtypes, but the cell says `{ $value }`; leave it empty
register-unknown-level = no level `{ $value }`
register-bad-members = member count `{ $value }` is not a whole number from 0 to 1,000,000
register-bad-pilot = pilot year `{ $value }` is not within the site's years { $first }-{ $last }
register-unknown-branch = no branch `{ $value }` in district `{ $district }`
register-unknown-branch-hint = leave the branch cell empty to create a new branch (its file is named after the branch's name)
register-twice = branch `{ $slug }` is already on row { $row } of { $file }; one row per branch
register-new-branch = new branch "{ $name }"
register-missing = { $count ->
    [one] 1 branch of the site is
   *[other] { $count } branches of the site are
} not in the register (nothing is deleted): { $shown }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
register-done = imported a register of { $rows } branches from { $file }: { $created } new files, { $updated } changed, { $unchanged } unchanged; run `kieumau check`, then `kieumau build`
register-dry-run = dry run: a register of { $rows } branches: { $created } new files, { $updated } would change, { $unchanged } unchanged; nothing was written

## base_url (site.toml and --base-url)
bad-base-url = `base_url` "{ $value }" is not an absolute http or https address
bad-base-url-hint = write the full address of the published site, such as `base_url = "https://intranet.example/kieumau/"`, or leave it empty
bad-base-url-explain = `base_url` goes into every page's link to itself and into every snapshot's banner, where it stays for good, so it must be a whole web address starting with http:// or https:// and naming a host. Anything else (a bare folder, javascript:, data:, file:, spaces) is refused.
    Before: base_url = "intranet/kieumau"
    After:  base_url = "https://intranet.example/kieumau/"

## names: direction controls
bidi-char = `{ $key }` contains a text-direction control character ({ $char })
bidi-char-hint = retype the name without it; it makes the name show in another order than it is written, and can hide what it says
bidi-char-explain = Direction controls (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C) are invisible and reorder the letters shown after them, so a name could display as something else than it is. Names and titles are refused with one.
    Before: name = "Chi bộ \u202Eạc gnàl"
    After:  name = "Chi bộ làng Cả"

## a latest year still coming in
year-incomplete = { $year } has scores for only { $count } of the { $known } branches assessed in { $previous }; its figures rest on those alone
year-incomplete-hint = the home page shows { $previous } until { $year } is entered; to end the programme's years earlier, set `last_year` in content/site.toml
year-incomplete-explain = When the latest year has scores for fewer than half the branches assessed the year before, or none yet for a district that had them then, its percentages rest on the few branches entered so far (one branch of five can make every target "met"). kieumau warns, shows the year before on the home page, and the year's page says how many branches its figures cover.
    Before: 2026 entered for 1 of 5 branches: the home page shows 2026, "1 branch", both targets met
    After:  the home page shows 2025 until 2026 is entered; content/site.toml `last_year = 2025` ends the years there

## a year outside the programme
year-outside-programme = `{ $key }` = { $value } is outside the programme's years, { $first } to { $last }
year-outside-programme-hint = write a year from { $first } to { $last }; if { $value } is right, raise `last_year` (or lower `first_year`) in content/site.toml
year-outside-programme-explain = Assessments and pilot years lie within the programme's years: from `first_year` to `last_year` (by default `target_year`) in content/site.toml. A new year's scores need `last_year` raised first.
    Before: year = 2026        (site.toml: target_year = 2025)
    After:  year = 2026        (site.toml: last_year = 2026)

## a copied branch file
copied-branch = this branch has the same name ({ $name }), type and scores as { $other } in the same district: it looks like a copy
copied-branch-hint = if it is another branch, give it its own name and scores; if it is a copy, delete one of the two files, or it is counted twice
copied-branch-explain = Two branch files of one district with the same name, type and every year's rating and scores are almost always one file copied to start a new branch and never edited. Both would count in every figure. This is a warning.
    Before: tdp-1.toml and tdp-1-copy.toml, both "Chi bộ Tổ dân phố số 1" with the same scores
    After:  delete tdp-1-copy.toml, or give it the other branch's name and scores

print-no-folder = cannot write { $pdf }: the folder { $folder } does not exist
    hint: create the folder first, or give --pdf a file in a folder that exists
write-beside-failed = cannot write beside { $file }: { $error }; no file was changed
help-forms = Write one collection workbook (XLSX) per district for the year, for district staff to fill in and send back to `kieumau import`
help-forms-district = Only this district (its slug or its name)
help-forms-out = The folder to write the workbooks into (default: <root>/forms)
help-forms-force = Overwrite workbooks in the folder that differ from the new ones (they may have come back filled in)
forms-no-framework = there is no criteria framework for { $year }, so no workbook can be made; frameworks: { $years }
forms-no-district = no district "{ $district }"; districts: { $known }
forms-cannot-make = cannot make the workbook { $file }: { $error }
forms-no-folder = cannot create the folder { $folder }: { $error }
forms-would-overwrite = { $count ->
        [one] a workbook in { $folder } differs from the new one
       *[other] { $count } workbooks in { $folder } differ from the new ones
    } and may have come back filled in: { $files }. Import them first (`kieumau import`), move them away, or give --force to overwrite them; nothing was written
forms-written = collection workbooks { $year }: { $written } written, { $unchanged } unchanged, in { $folder }
forms-next = when they come back filled in: kieumau import { $files } --year { $year }
forms-refused = no workbook written: the site has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; fix them first (`kieumau check`)
year-outside-site = --year { $year } is outside the site's years { $first }-{ $last } (first_year and last_year in content/site.toml)
no-framework-in-year = no criteria framework is in force in { $year } (see content/criteria/)
help-booklet-docx = Where to write the Word file (.docx), made without Chromium
booklet-docx-written = Wrote the { $year } report as a Word file to { $docx } in { $elapsed }
docx-cannot-make = cannot make the Word file: { $reason }
chart-no-size = the chart has no size
chart-too-large = the chart is too large to draw
workbook-unreadable = cannot read the workbook: { $reason }; save it as an Excel workbook (.xlsx)
workbook-no-such-sheet = the workbook has no sheet named "{ $sheet }"; its sheets: { $sheets }
workbook-no-sheet = the workbook has no sheet
workbook-sheet-unreadable = cannot read the sheet "{ $sheet }": { $reason }
workbook-too-large-unpacked = the workbook's part { $part } unpacks to more than { $max } MB, more than any sheet of branches needs; it may be damaged or made to exhaust the computer. Save the sheet again from Excel, or export it as CSV
sheet-too-many-columns = the sheet has a value in cell { $cell }, beyond the { $max } columns kieumau reads; delete what is in that column (Ctrl+End in Excel shows the last cell used) and save again
sheet-too-many-rows = the sheet has a value in cell { $cell }, beyond Excel's last row { $max }
sheet-too-many-cells = the sheet holds more than { $max } cells, more than any site needs; delete the unused rows and columns and save again
cell-truth-value = the truth value { $value }
cell-date = a date or time ({ $value })
cell-duration = a duration ({ $value })
cell-error-value = the error value { $value }
sheet-bad-reference = the sheet names a cell "{ $cell }" outside Excel's grid (columns A to XFD, rows 1 to { $max }); the file is damaged or was not made by a spreadsheet: save the sheet again from Excel
snapshot-reason-no-manifest = it has no manifest.toml
snapshot-reason-not-a-file = its manifest.toml is not a small regular file
snapshot-manifest-bad = the snapshot { $snapshot } cannot be published: { $reason }
snapshot-manifest-bad-hint = a snapshot is never changed by hand; put back its manifest.toml from a copy (a backup, the published site's snapshots/{ $snapshot }/), or move the folder out of snapshots/
snapshot-manifest-bad-explain = Every snapshot folder under snapshots/ holds a manifest.toml that says what it is (label, date, content hash, kieumau version) and the SHA-256 of each of its files. Without a readable manifest kieumau cannot tell a snapshot from a damaged folder, so the build stops instead of dropping it from the site. Example: snapshots/2024-12-15-ab12cd34/manifest.toml missing → copy it back from the published site.
snapshot-file-changed = the file { $file } of the snapshot { $snapshot } is not as it was frozen
snapshot-file-changed-hint = a snapshot is never changed: put the file back from a copy (the published site's snapshots/{ $snapshot }/), and make a new snapshot for new content
snapshot-file-changed-explain = A snapshot is the site exactly as it was on its day, and its links have gone to leadership. Its manifest.toml holds the SHA-256 of every file; a build checks them and stops when a file was edited, removed or added, instead of publishing a changed snapshot under its old date. Example: snapshots/2024-12-15-ab12cd34/index.html edited → copy it back from a backup, or from output/snapshots/ of the last build.
snapshot-file-missing = the file { $file } of the snapshot { $snapshot } is missing
snapshot-file-missing-hint = put the file back from a copy (the published site's snapshots/{ $snapshot }/)
snapshot-file-added = the snapshot { $snapshot } holds a file { $file } that was not in it when it was frozen
snapshot-file-added-hint = remove that file from snapshots/{ $snapshot }/
snapshot-unverified = the snapshot { $snapshot } was made by an older kieumau and its files cannot be checked
snapshot-unverified-hint = it is published as it is; snapshots made from now on are checked at every build
snapshot-unverified-explain = Snapshots made by kieumau now list the SHA-256 of every file in their manifest.toml, and every build checks them. An older snapshot has no such list, so a change to its files cannot be noticed; it is still published. Example: make a new snapshot of the same content (kieumau snapshot --label ...) to have one that is checked.
in-file-at = in { $file }:{ $line }:{ $column } (line { $line }, column { $column })
sheet-row = row { $row }
sheet-row-branch = row { $row } ({ $district }/{ $branch })
sheet-column-named = column "{ $name }"
sheet-column-letter = column { $column }
cell-not-text = { $what }, not text
sheet-header-cell-is = the header cell is { $what }
sheet-did-you-mean = did you mean "{ $near }"?
sheet-header-as-text = a spreadsheet may have turned an id such as 1.1 into a date: format the header as text
sheet-unknown-column = unknown column "{ $name }"
sheet-unknown-column-hint = the columns are district, branch, rating, vetoes (name, parent and type are ignored) and the criteria of the { $year } framework: { $ids }; { $advice }
sheet-column-twice = column "{ $name }" appears twice (columns { $first } and { $second })
sheet-column-twice-hint = keep one column of each name
sheet-no-column = the header has no column "{ $column }"
sheet-no-column-hint = the header row starts with district, branch, rating, vetoes
sheet-no-criterion-columns = the header has no column for criterion { $ids }
sheet-no-criterion-columns-hint = the { $year } framework has one column per criterion: { $ids }; leave cells empty where a criterion does not apply
cell-empty = the cell is empty
cell-not-number = the cell holds { $what }, not a number
score-not-number = "{ $text }" is not a number
score-too-many-decimals = score { $text } has more than two decimals
score-far-too-large = score { $text } is far too large
sheet-empty = the sheet is empty
sheet-empty-hint = the first row names the columns: district, branch, rating, vetoes, then the criteria ids
sheet-row-too-long = { $cells } cells, but the header has { $columns } columns
sheet-row-too-long-hint = every row has a cell under each column of the header; leave it empty where a criterion does not apply
sheet-unnamed-column = a value under a column with no name
sheet-unnamed-column-hint = name the column or clear it
sheet-cell-is = the cell is { $what }
sheet-district-empty = the district is empty
sheet-district-slug-not-name = write the district's slug `{ $slug }`, not its name
sheet-unknown-district = unknown district `{ $district }`
sheet-branch-empty = the branch is empty
sheet-branch-empty-hint = write the branch's file name without .toml
sheet-branch-slug-not-name = write the branch's slug `{ $slug }`, not its name
sheet-branch-elsewhere = `{ $branch }` is a branch of district `{ $district }`
sheet-no-branch = no branch `{ $branch }` in district `{ $district }`
sheet-branch-twice = `{ $district }/{ $branch }` is already on row { $row }
sheet-branch-twice-hint = keep one row per branch
sheet-rating-empty = the rating is empty
sheet-rating-empty-hint = write one of { $codes }
sheet-unknown-rating = unknown rating `{ $rating }`
sheet-unknown-rating-hint = { $known }; write a code or a full name: { $names }
sheet-veto-twice = veto `{ $veto }` is listed twice
sheet-veto-twice-hint = list each veto once
sheet-unknown-veto = unknown veto `{ $veto }` in the { $year } framework
sheet-criterion-not-applicable = criterion { $id } does not apply to branch type `{ $type }`
sheet-leave-empty = leave the cell empty
sheet-score-missing = no score, but criterion { $id } applies to branch type `{ $type }`
sheet-score-missing-hint = write a score between 0 and { $max }
sheet-score-hint = write a number with at most two decimals, like 8.5 or 8,5
csv-not-utf16 = the file is not valid UTF-16 text
csv-not-utf8 = the file is not UTF-8 text (line { $line }); save it as "CSV UTF-8"
csv-unreadable = row { $row }: cannot read the CSV: { $reason }
cell-formula = a formula ({ $formula }) whose result is not a number; formulas are not evaluated: type the value itself
sheet-merged-cells = the sheet has merged cells ({ $range }); each value needs a cell of its own: select the sheet, unmerge the cells (Home ▸ Merge & Center ▸ Unmerge Cells) and save again
sheet-nul-byte = the cell { $cell } holds a NUL character, which no text has; the file is damaged: type the value again
cli-error = error: { $text }
cli-usage = Usage: { $usage }
cli-help-hint = For the options: kieumau --help, or kieumau <command> --help
cli-unknown-argument = there is no option { $arg }
cli-unknown-argument-near = there is no option { $arg }; did you mean { $near }?
cli-unknown-command = there is no command "{ $command }"
cli-missing = missing: { $args }
cli-missing-command = which command? (build, check, serve, import, forms, booklet, snapshot, init, explain)
cli-invalid-value = { $arg } cannot be "{ $value }"; it is one of: { $valid }
cli-bad-value = { $arg } cannot be "{ $value }": { $reason }
cli-not-a-number = write a whole number, such as 2025
cli-conflict = { $arg } cannot be given with { $other }
cli-values = { $arg } takes a different number of values
cli-other = the command line cannot be read
build-internal = kieumau stopped at an inner check ({ $what }); this is a bug in kieumau, and nothing was changed
snapshot-never-overwritten = { $dir } already exists and is never overwritten
import-cannot-parse = cannot read the file as TOML: { $reason }
import-assessments-shape = `assessments` is neither [[assessments]] tables nor a list of tables
import-no-scratch = cannot make a scratch folder: { $reason }
import-scratch-write = cannot write the scratch copy in { $dir }: { $reason }
import-not-held-year = the edited file does not hold the imported values for { $year }
import-bug-hint = this is a bug in kieumau import; nothing was written
workbook-cannot-make = cannot make the workbook { $name }: { $reason }
theme-missing-string = the theme has no interface string `{ $key }`
toml-unquoted-text = the text { $value } has no quotes
toml-unquoted-text-hint = put text between straight quotes: "{ $value }"
toml-unquoted-text-explain = In TOML a text value is written between straight quotes; without them the words are read as something else and the file cannot be read. Example: title = Sơ kết năm 2024 → title = "Sơ kết năm 2024".
import-sheet-of-another-year = the sheet "{ $sheet }" is for { $named }, not for --year { $year }; import it with --year { $named }, or give the sheet of { $year }
sheet-misread-text = the text "{ $text }" is Vietnamese read in the wrong encoding; it was meant to be "{ $meant }"
sheet-misread-text-hint = the CSV was opened as Western (Windows-1252) text: open it again choosing Unicode (UTF-8) (LibreOffice: Character set; Excel: Data ▸ From Text/CSV ▸ File origin 65001: Unicode (UTF-8)), then save
