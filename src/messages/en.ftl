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
what-rating = a rating
what-branch-type = a branch type
what-subtype = a subtype
what-target = a target
what-pilots = [pilots]
what-excellent-cap = [excellent_cap]
what-district-level = [district_level]
what-kind = a district kind
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
help-booklet = Print the year's review booklet to PDF with headless Chromium
help-booklet-year = The year of the review
help-booklet-pdf = Where to write the PDF
help-booklet-chromium = The Chromium to print with (default: KIEUMAU_CHROMIUM, then chromium on PATH)
help-booklet-timeout = Give up printing after this many seconds
help-import = Write a sheet of one year's assessments (CSV or XLSX, the format of data/scores-<year>.csv) into the branch files; all or nothing
help-import-file = The sheet: a .csv (comma or semicolon separated) or an .xlsx workbook
help-import-year = The year of the assessments in the sheet
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
snapshot-existing = Unchanged content: snapshots/{ $id }/ ({ $label }) already holds it; nothing was created
booklet-printed = Printed the { $year } booklet to { $pdf } in { $elapsed }
severity-error = error
severity-warning = warning
help-possible = one of: { $values }
help-default = default: { $value }

## Assessment rules shared by check and import (domain/rules.rs), and score sheets (import)
score-negative = score { $value } for `{ $id }` is negative
score-negative-hint = a score lies between 0 and { $max }
score-negative-explain = A score lies between 0 and its criterion's maximum.
    Before: "1.1" = -5
    After:  "1.1" = 5
score-above-max = score { $value } for `{ $id }` is above its maximum { $max }
score-above-max-hint = a score lies between 0 and { $max }
score-above-max-explain = A score may not exceed the maximum that the year's criteria file gives its criterion.
    Before: "1.1" = 12   (max = 10)
    After:  "1.1" = 10
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
