# kader — English messages (with --lang en or `taal = "en"` in kader.toml).
# Project Fluent syntax: https://projectfluent.org. Every ID is also in nl.ftl, with the
# same arguments (tests/i18n.rs keeps them in step).

## Severity

severity-error = error
severity-warning = warning
severity-note = note

## Summary

summary-files = { $count ->
    [one] 1 file
   *[other] { $count } files
}
summary-files-and-reports = { $files } and { $count ->
    [one] 1 progress report
   *[other] { $count } progress reports
}
summary-actions = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
summary-problems = { $count ->
    [one] 1 problem
   *[other] { $count } problems
}
summary-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
summary-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
summary-notes = { $count ->
    [one] 1 note
   *[other] { $count } notes
}
summary-waived = { $count } waived
summary-no-findings = no findings
summary-line = { $files }, { $actions }: { $findings }
deadline-today = today is the submission deadline ({ $date })
deadline-left = { $count ->
    [one] 1 day left until the deadline ({ $date })
   *[other] { $count } days left until the deadline ({ $date })
}
deadline-yesterday = the submission deadline ({ $date }) was yesterday
deadline-past = the submission deadline ({ $date }) passed { $count } days ago

## Human output

human-help = help
human-note = note
human-waived = waived
human-line-too-long = { $label } (the line is too long to show)
human-waived-heading = Waived with a reason ({ $count }):
human-reason = reason
junit-file-case = (file)
junit-problems-suite = input

## Budget (kader begroting, the report)

budget-heading = Budget { $plan } — { $source }; { $actions } in { $files }
budget-no-kaderbrief = the plan names no kaderbrief (no frames)
budget-norm = 1 fte = { $hours } hours a week; amounts per year count for the days of the tijdpad in that year, fte is a yearly average.
budget-col-year = year
budget-col-euro = euro
budget-col-fte = fte
budget-col-frame = frame
budget-col-difference = difference
budget-team = Team { $team }
budget-no-team = (no team)
budget-no-team-note = drafts without `{ $key }` in the front matter
budget-not-listed = not in the kaderbrief: no frame
budget-unread = { $count ->
    [one] 1 amount does not count: kader cannot add it up (see inzet-bedrag); the total is too low
   *[other] { $count } amounts do not count: kader cannot add them up (see inzet-bedrag); the totals are too low
}
budget-total = The whole plan (frame: the teams' frames together)
budget-over = over the frame

## Coverage (kader coverage)

coverage-heading = { $register } — covered by { $actions } in { $files }
coverage-missing = ; without an action: { $nodes }
coverage-level = { $covered } of { $total } covered
coverage-no-action = no action
coverage-via-children = through sub-items: { $actions }

## Rules (kader rules, kader explain)

catalogue-rule = rule
catalogue-severity = severity
catalogue-requirement = requirement
catalogue-source = source
catalogue-off = off
explain-source = Source
explain-fix = How to fix it
explain-fields = Fields the rule reads, with every name a writer may use
explain-synonyms = synonyms (do not count; kader suggests this field)
explain-register-ids = IDs in { $register }
explain-bad-example = A draft that breaks the rule
explain-kader-says = kader says
explain-good-example = A draft that meets the rule
explain-waive = To waive it for one action, with a reason, write in the action
explain-reason = reason

## Findings: the labels at the place in the draft

word-or = or
did-you-mean = did you mean { $names }?
subject-title = title
subject-heading = heading
subject-value = value
subject-name = name
subject-actions = actions
subject-rule = rule
subject-reason = reason
eval-not-allowed-here = this is not allowed here
eval-requirement-must-not-hold = this requirement must not hold here
eval-action-lacks = this action names no { $what }
eval-heading-malformed = this heading does not have the form of an action heading
eval-heading-lacks = this heading names no { $what }
eval-waiver-lacks = this waiver names no { $what }
eval-missing = { $what } is missing here
eval-empty = { $what } is empty
eval-placeholder-value = `{ $text }` is a placeholder, not a value
eval-placeholder = `{ $text }` is a placeholder
eval-wrong-form = this value does not have the required form
eval-count = { $what ->
    [words] { $count ->
        [one] 1 word
       *[other] { $count } words
    }
    [characters] { $count ->
        [one] 1 character
       *[other] { $count } characters
    }
    [links] { $count ->
        [one] 1 link
       *[other] { $count } links
    }
    [amounts] { $count ->
        [one] 1 amount
       *[other] { $count } amounts
    }
   *[actions] { $count ->
        [one] 1 action
       *[other] { $count } actions
    }
}; required: { $cmp ->
    [ge] at least
    [le] at most
    [gt] more than
    [lt] fewer than
   *[eq] exactly
} { $n }
eval-expected-value = expected `{ $value }`
eval-time-notations = These work: { $notations }
eval-time-nearest = write it as a time expression kader reads, such as `{ $notation }`
eval-before-plan = { $said } starts before the plan period, which starts on { $date }
eval-after-plan = { $said } runs past the plan period, which ends on { $date }
eval-end-before-start = { $end } lies entirely before { $start }
eval-starts-here = starts here
eval-milestone-order = { $milestone } lies before the previous milestone, { $previous }
eval-previous-milestone = previous milestone
eval-no-such-action = `{ $id }` is not an action in this plan
eval-cycle = cycle: { $path }
eval-total = together { $total }; required: { $cmp } { $frame }
eval-total-frame = together { $total }; the frame is { $frame }
eval-total-share = { $action }: { $share } in { $year }
eval-team-not-listed = the kaderbrief lists no team `{ $name }`
eval-team-names = The kaderbrief lists: { $names }
eval-amount-multiplier = `{ $per }` without a count: kader cannot add this up
eval-amount-multiplier-help = Write how many it is for, `{ $written } (<count> …)`, such as `0,2 fte per wijkmanager (9 wijkmanagers)`; or write the total.
eval-amount-range = a range, not an amount
eval-amount-range-help = Choose one amount (the highest, for instance): kader adds up the inzet and holds it against the kaderbrief's frame.
eval-amount-point = a point where a Dutch amount has a comma
eval-amount-point-help = Write `{ $comma }`: a point separates thousands (€ 1.500), a comma decimals (1,5 fte).
eval-amount-unreadable = kader cannot read this amount
eval-amount-unreadable-help = Write money as € 25.000, € 25k or € 1,2 mln, people as 0,4 fte or 8 uur per week.
eval-no-amount = no fte, number of hours or amount here
eval-no-such-rule = `{ $name }` is not a rule
eval-no-action-links-here = no action links here
eval-separator-missing = a colon belongs here
eval-no-such-field = kader knows no field `{ $name }`
eval-no-such-node = `{ $id }` is in no register
eval-synonym-note = `{ $name }` does not count as `{ $field }`: the rule file lists it as a synonym, not as a name of the field
eval-label-meant = `{ $name }` does not count as `{ $field }`; is this what you meant?
eval-heading-not-action = no action heading: kader does not read this heading as an action
eval-register-mentions = the { $register } mentions here, among others: { $points }
eval-already-used = `{ $value }` is already used
eval-first-used-here = first used here
eval-starts-before-dependency = { $start } starts before { $other } (which starts on { $date })
eval-starts-after-dependency = { $start } starts after { $other } (which starts on { $date })
eval-other-starts-here = { $other } starts here
eval-not-in-register = `{ $id }` is not in { $register }
eval-wrong-level = `{ $id }` is a { $level }; link to a { $levels }
eval-children = under { $id } come: { $children }
eval-register-title = in { $register }, { $id } is called `{ $title }`
eval-write-title = write `{ $id } { $title }`, or just `{ $id }`

## Fixing (kader fix, quick fixes in the editor)
fix-replace = replace `{ $old }` with `{ $new }`
fix-separator = put a colon between the ID and the title
fix-title = take the title from the register: `{ $title }`
fix-add-field = add the field { $field } (then fill in its value)
fix-waiver = waive { $rule } in this action, with a reason (fill in the reason)
fix-waiver-reason = reason
fix-all = fix everything that needs no choice (kader fix)
fix-done = { $file }: { $count ->
    [one] 1 fix
   *[other] { $count } fixes
  }
fix-nothing = nothing to fix without a choice
fix-left = { $count ->
    [one] 1 finding needs a person
   *[other] { $count } findings need a person
  }; kader check shows them
fix-readonly = { $file } is read-only
fix-readonly-help = make the file writable (chmod u+w { $file }), or fix it by hand
fix-write-failed = { $file } could not be written ({ $reason }); the other files were fixed
fix-cannot-write = { $file } cannot be written ({ $reason })
fix-not-written = kader fix wrote nothing

lsp-waived = waived: { $reason }
lsp-source = source
lsp-failed = the language server stopped: { $reason }
lsp-failed-help = kader lsp speaks LSP over stdin and stdout and is started by an editor; see editors/README.md

## kader.toml

config-unreadable = { $path } cannot be read: { $reason }
config-unknown-key = unknown setting `{ $key }` in { $file }
config-keys = settings: { $keys }
config-invalid = { $file } is not a valid configuration
config-unknown-key-label = unknown setting
config-bad-glob = `{ $glob }` is not a valid pattern
config-bad-glob-help = For example: negeer = ["archief/**", "**/oud-*.md"]
config-unknown-lang = unknown language `{ $lang }`
config-unknown-lang-label = expected "nl" or "en"
config-bad-deadline = the submission deadline is not a date
config-bad-deadline-label = a date only
config-bad-deadline-help = Write: inleverdatum = 2026-09-15
config-unknown-severity = unknown severity for `{ $rule }`
config-unknown-severity-label = expected "fout", "waarschuwing", "opmerking" or "uit" (or error, warning, note, off)
config-no-such-rule = there is no rule `{ $rule }`
config-no-such-rule-label = unknown rule
config-no-such-node = `dekking` names `{ $id }`, which is in no register
config-no-such-node-label = not in any register

## Finding and reading files

io-not-found = does not exist
io-permission-denied = no permission to read
io-permission-denied-write = no permission to write
io-is-a-directory = is a directory
io-not-utf8 = is not UTF-8 text (save the file as UTF-8)
io-not-a-directory = part of the path is not a directory
io-already-exists = already exists
io-read-only = is on a read-only file system
io-disk-full = the disk is full
io-file-too-large = is too large for the file system
io-broken-pipe = the receiver stopped reading (pipe closed)
io-timed-out = took too long (timed out)
io-interrupted = was interrupted
io-out-of-memory = there was not enough memory
io-directory-not-empty = the directory is not empty
io-busy = is in use
io-crosses-devices = is on another disk
io-invalid-filename = has an invalid name
io-too-many-links = has too many links
io-unsupported = is not possible on this system
io-os-error = an error of the operating system (code { $code })
io-other = an unknown error while reading or writing
io-not-a-regular-file = is not a regular file (a device, pipe or socket)
io-too-large = is larger than { $limit } MB
io-system-file = is a file of the system (/proc, /sys or /dev), not a draft, rule file or setting
walk-broken-link-argument = points to something that does not exist (broken link)
walk-missing-help = Give an existing file or a folder with drafts (*.md).
walk-link-loop = link to a parent folder ({ $ancestor }), skipped
walk-broken-link = broken link (the target does not exist), skipped
walk-link-outside = link to outside the folders being checked, skipped
walk-link-outside-help = If the folder the link points to belongs to the plan, name it on the command line too, or under `paden` in kader.toml.
walk-binary = is not a text file (contains NUL bytes)
walk-binary-help = A draft is Markdown text; move this file out of the folder or rename it.
walk-not-utf8 = is not UTF-8
walk-not-utf8-help = Save the file as UTF-8 (in Word: Save as → Plain text → Unicode (UTF-8)).
walk-special-file = is not a regular file (a device, pipe or socket), not read
walk-no-drafts = no drafts found (*.md), so nothing was checked
walk-no-drafts-help = Give the folder with the plan's team files, or name it under `paden` in kader.toml.
git-not-staged = is not in git's index (not added with `git add`)
git-not-staged-help = `kader check --staged` checks what a commit would hold; add the file with `git add`, or check the working tree with `kader check`.
git-not-in-index = is not in git's index
git-no-index = cannot read git's index: { $reason }
git-no-index-help = `--staged` works in a git repository, with git on the PATH.

## Writing a report (-o)

output-is-draft = { $path } looks like a draft (.md); kader never overwrites drafts
output-is-draft-help = Choose another name, for example report.txt or report.json.
output-is-input = { $path } is a file kader reads; kader does not overwrite it
output-is-input-help = Choose another name for the report.
output-write-failed = { $path } cannot be written: { $reason }
output-stdout-failed = cannot write the output: { $reason }
today-invalid = KADER_TODAY is not a date: `{ $value }`
today-invalid-help = Write the date as 2026-09-01 (year-month-day), or leave KADER_TODAY out.

## kader check --watch

watch-failed = cannot watch files: { $reason }
watch-not-watched = { $path } is not watched: { $reason }
watch-watching = kader is watching; a change starts a new check (Ctrl-C stops).
watch-error = while watching files: { $reason }
watch-too-many = the system cannot watch that many files at once (raise fs.inotify.max_user_watches)

## Commands

run-config-broken = { $file } has errors; nothing was checked
run-rules-broken = the rules have errors; nothing was checked
explain-see-rules = `kader rules` lists all rules
explain-example-file = example.md
init-written = written  { $path }
init-exists = exists already, not overwritten: { $path }
init-deadline-passed = # The deadline of the jaarplan 2026-2027 (15 September 2026) has passed: put the next kaderbrief's here.
init-next = Next step: `kader check` in { $dir }; adapt jaarplan/team-voorbeeld.md for your team.
init-failed = cannot write in { $dir }: { $reason }
hook-no-git = { $dir } is not a git repository (no .git found)
hook-no-git-help = run `kader hook install` in the jaarplan's repository.
hook-written = written { $path }: every commit now runs `kader check`
hook-exists = { $path } exists already; kader does not overwrite a hook
hook-exists-help = add `kader check` to the existing hook, or use pre-commit (.pre-commit-config.yaml).
hook-failed = the hook cannot be written: { $reason }

## Front matter and plan

front-matter-unclosed = the front matter (+++) is not closed
front-matter-starts-here = the front matter starts here
front-matter-unclosed-help = Close the front matter with a line containing only +++.
front-matter-yaml = the front matter is YAML (---); kader reads TOML between +++ lines
front-matter-yaml-label = YAML front matter
front-matter-yaml-help = Replace both --- lines with +++ and write the values as TOML: team = "Praktijkondersteuning".
front-matter-invalid = the front matter is not valid TOML
front-matter-invalid-help = Write every line as key = "value", for example: team = "Praktijkondersteuning".
plan-waits-for = { $action } waits for { $other }
sarif-front-matter-title = A draft's front matter is valid TOML between +++ lines
sarif-front-matter-description = A draft may start with TOML between +++ lines (plan, team, auteur, versie, status).
sarif-front-matter-help = Write the front matter as: team = "Praktijkondersteuning"

## Registers

kaderbrief-invalid = kaderbrief `{ $name }` is not a valid kaderbrief file
kaderbrief-invalid-help = A kaderbrief has id, titel, [norm] with uren_per_week, and [[team]] blocks with naam and kader (see rules/README.md).
kaderbrief-bad-deadline = the kaderbrief's deadline is not a date
kaderbrief-bad-norm = the norm must lie between 0 and 80 hours a week
kaderbrief-bad-norm-label = hours a week for one fte
kaderbrief-team-twice = team `{ $name }` (or one of its names) is in the kaderbrief twice
kaderbrief-bad-year = this is not a calendar year
kaderbrief-bad-year-label = a year such as 2026
kaderbrief-bad-amount = a frame is an amount or a number of fte of 0 or more
kaderbrief-bad-amount-label = at this year
kaderbrief-frame-twice = team `{ $name }` has two frames for { $year }
kaderbrief-unknown-node = `{ $id }` is in no register of the plan
kaderbrief-line-not-top = a frame per policy line names a line of the beleidsplan; `{ $id }` lies below `{ $line }`
kaderbrief-line-not-top-label = not a line
kaderbrief-unknown-node-help = Priorities and policy lines in the kaderbrief are IDs of the beleidsplan, such as HA.ARB.
register-invalid = register `{ $name }` is not a valid register file
register-invalid-help = Check the TOML notation at this place: texts between "...", lists between [...].
register-duplicate = ID `{ $id }` appears twice in the register
register-second-time = second time
register-first-time = first time
register-duplicate-help = Give every item its own ID.
register-bad-id = ID `{ $id }` is not a usable ID
register-bad-id-label = empty, or with a space, comma or semicolon
register-bad-id-help = An ID is one word without spaces, such as HA.ARB.1: drafts name IDs in a list separated by commas.
register-unknown-level = unknown level `{ $level }`
register-unknown-level-label = not in `niveaus`
register-levels = Use one of: { $levels }
register-unknown-parent = parent `{ $parent }` of `{ $id }` does not exist
register-unknown-id = unknown ID
register-unknown-parent-help = `ouder` names the ID of another item of this register.
register-own-parent = `{ $id }` names itself as its parent
register-own-parent-label = the parent is the node itself
register-parent-cycle = the parents in the register form a loop: { $chain }
register-parent-cycle-help = A part belongs under a theme and a theme under a line; give one of these nodes another `ouder`.
register-parent-cycle-label = this parent closes the loop

## Time expressions (tijdpad)

time-not-a-year = `{ $year }` is not a year
time-wrong-weekday = { $date } is a { $weekday }
time-no-such-week = { $year } has no week { $week }
time-no-such-month = month { $month } does not exist
time-no-such-day = { $month } has { $days } days, not { $day }
time-second-before-first = the second part lies before the first
time-no-such-quarter = a year has four quarters, not a { $n }th
time-second-quarter-first = the second quarter lies before the first
time-no-such-half = a year has two halves, not a { $n }th
time-missing = a time expression is missing here
time-not-a-time = `{ $text }` is not a time expression
time-trailing = `{ $text }` is not part of a time expression
time-none = there is no time expression here

## Rule files: reading and syntax

rules-not-bundled = this file is not part of the bundled rules
rules-not-utf8 = the file is not UTF-8 (invalid byte at position { $position })
rules-unreadable = rule file `{ $path }` cannot be read: { $reason }
rules-included-here = included here
rules-unreadable-help = Check the path; paths are relative to the file they are written in.
rules-register-unreadable = register `{ $path }` cannot be read: { $reason }
rules-this-register = this register
rules-register-unreadable-help = Paths are relative to the rule file.
rules-include-cycle = rule files include each other in a cycle: { $chain }
rules-closes-cycle = this closes the cycle
rules-include-cycle-help = Remove one of the `gebruik` lines.
rules-end-of-file = the end of the file
rules-expected = expected { $what }, but found { $found }
rules-expected-label = expected here: { $what }
rules-candidates = allowed here: { $words }
rules-unknown-word = unknown word `{ $word }` { $place }
rules-unknown-word-label = unknown word
rules-too-deep = the requirement is nested too deeply (more than { $max } levels)
rules-too-deep-label = nested too deeply
rules-too-deep-help = Split the requirement over more rules.
rules-unclosed = this block is not closed with {"}"}
rules-unclosed-label = this {"{"} is never closed
rules-unclosed-help = Put a {"}"} after the last line of the block.
rules-bad-date-label = not a valid date
rules-bad-date-help = Write a date like 2026-01-01.
rules-unterminated-string = text without a closing quote
rules-unterminated-string-label = this text is not closed
rules-unterminated-string-help = Close the text with ".
rules-unterminated-pattern = pattern without a closing slash
rules-unterminated-pattern-label = this pattern is not closed
rules-unterminated-pattern-help = Close the pattern on the same line with /; write a / inside the pattern as \/.
rules-number-too-big = this number is too large
rules-number-too-big-label = too large
rules-unexpected = unexpected { $found }
rules-here = here
rules-not-a-date = `{ $text }` is not a date like 2026-01-01
rules-no-such-date = `{ $text }` does not exist: month { $month } of { $year } has { $days } days
place-top = at the start of a section
place-plan = in the plan block
place-action = in the action block
place-clause = in a rule
place-scope = after `voor elke`
place-predicate = as a requirement
place-kind = as a field kind
place-severity = as a severity
expected-one-of = one of: { $words }
expected-string = a text between quotes ("...")
expected-pattern = a pattern between slashes (/.../)
expected-number = a number
expected-date = a date like 2026-01-01
expected-register-name = the register's name
expected-field-name = the field's name
expected-rule-id = the rule's ID, such as `actie-eigenaar`
expected-severity-or-off = a severity (fout, waarschuwing, opmerking) or `uit`
expected-severity = a severity: fout, waarschuwing or opmerking
expected-english-text = titel, melding, hulp or beschrijving
expected-every = `elke` (voor elke actie)
expected-a-register-name = the name of a register
expected-a-group = what to group by: jaar, a front-matter key (team) or a links field
expected-per = `per` and what to group by: `voor elk totaal per team, jaar`
expected-a-unit = a unit (euro or fte) or a comparison
expected-kaderbrief-or-number = `kaderbrief` (the group's frame) or a number
expected-a-field-name = the name of a field
expected-then = `dan` (als ... dan ...)
expected-subject = a field, such as `eigenaar`, or `niet`, `als` or `(`
expected-level-example = a level, such as `thema`
expected-level = a level
expected-actions-field = a field with actions, such as `afhankelijk`
expected-comparison = a comparison: >=, <=, >, < or =

## Rule files: meaning

resolve-no-kaderbrief = the plan names no kaderbrief
resolve-no-kaderbrief-label = no kaderbrief in the plan
resolve-no-kaderbrief-help = Name it in the plan: kaderbrief "kaderbrief-2026-2027.toml"
resolve-sum-outside-total = `som` adds up the actions of a group and stands only in `voor elk totaal`
resolve-sum-outside-total-label = there is no group here
resolve-sum-outside-total-help = Write for instance: voor elk totaal per team, jaar  eis som inzet <= kaderbrief
resolve-sum-unit-differs = the sum and the frame have different units
resolve-sum-unit-differs-label = another unit than the sum
resolve-no-registers = There are no registers; name them in the plan: register beleid = "beleidsplan-2026-2027.toml"
resolve-known = known are: { $names }
resolve-unknown = unknown { $what ->
    [register] register
    [rule] rule
    [level] level
    [field] field
    [unit] unit
    [bound] bound
    [status] status
   *[subject] subject
} `{ $name }`
resolve-unknown-label = no { $what ->
    [register] register
    [rule] rule
    [level] level
    [field] field
    [unit] unit
    [bound] bound
    [status] status
   *[subject] subject
} with this name
resolve-unknown-flag = unknown flag `{ $flag }` after the pattern
resolve-unknown-flag-help = Possible flags: i (ignore case), x, s
resolve-bad-regex = this pattern is not a valid regular expression
resolve-bad-regex-help = See https://docs.rs/regex/#syntax for the notation.
resolve-second-plan = the plan is already described
resolve-second-plan-label = second `plan` block
resolve-second-plan-help = A rule set has one `plan {"{"} ... {"}"}`.
resolve-period-reversed = the period ends before it starts
resolve-period-reversed-label = start after end
resolve-no-period = the plan names no period
resolve-no-period-label = `periode` is missing here
resolve-no-period-help = Add: periode 2026-01-01 t/m 2027-12-31
resolve-field-defined = field `{ $name }` is already defined
resolve-second-definition = second definition
resolve-first-definition = first definition
resolve-empty-field-name = an empty field name
resolve-empty-label = empty
resolve-second-action = the action form is already described
resolve-second-action-label = second `actie` block
resolve-heading-levels = heading levels run from 1 to 6
resolve-heading-levels-label = invalid range
resolve-heading-levels-help = For example: niveau 2 t/m 4
resolve-action-incomplete = the `actie` block lacks `herken` or `kop`
resolve-action-incomplete-help = Both patterns are needed: which headings mean to be an action, and what a good action heading looks like.
resolve-rule-exists = rule `{ $id }` already exists
resolve-second-rule = second rule with this ID
resolve-first-rule = first rule with this ID
resolve-rule-exists-help = Give the rule another ID, or change the existing one with `regel { $id } is waarschuwing`.
resolve-no-plan = the rule set describes no plan
resolve-set-starts-here = the rule set starts here
resolve-no-plan-help = Add: plan "Jaarplan 2026-2027" {"{"} periode 2026-01-01 t/m 2027-12-31 {"}"}
resolve-no-action = the rule set does not describe what an action (`actie`) looks like
resolve-no-action-help = Add an `actie {"{"} herken /.../ kop /.../ {"}"}` block.
resolve-no-group = the pattern has no group `{ $group }`
resolve-no-group-label = add (?P<{ $group }>...)
resolve-no-group-help = The groups `id` and `titel` say where the action's ID and title are.
resolve-synonym-is-alias = `{ $word }` is already a name of the field `{ $field }`
resolve-synonym-is-alias-label = here as a synonym
resolve-synonym-is-alias-help = A word is a name of a field (it counts) or a synonym (kader suggests the field), not both.
resolve-clause-twice = rule `{ $id }` has a part twice
resolve-in-this-rule = in this rule
resolve-clause-twice-help = Every rule has at most one `voor`, `eis`, `melding`, `hulp`, `bron` and `beschrijving`; combine requirements with `en`.
resolve-no-requirement = rule `{ $id }` has no requirement
resolve-no-requirement-label = `eis ...` is missing here
resolve-no-requirement-help = Add, for example: eis eigenaar ingevuld
resolve-no-message = rule `{ $id }` has no message
resolve-no-message-label = `melding "..."` is missing here
resolve-no-message-help = A message tells the writer what is wrong, for example: melding "Actie {"{"}actie{"}"} heeft geen eigenaar"
resolve-possible = possible: { $names }
resolve-unknown-placeholder = unknown placeholder `{"{"}{ $name }{"}"}` in the text
resolve-unknown-placeholder-label = unknown
resolve-wrong-kind = `{ $name }` is not a { $kind ->
    [tijd] time field
   *[other] field with actions
}
resolve-wrong-kind-label = a { $kind ->
    [tijd] time field
   *[other] field with actions
} is needed here
resolve-declare = Declare it as: veld { $name }: { $decl } = ...
resolve-field-not-links = field `{ $name }` does not link to a register
resolve-not-links = `{ $name }` does not link to a register
resolve-not-links-label = not a link field
resolve-other-register = field `{ $name }` links to another register
resolve-other-register-label = `{ $name }` links to `{ $register }`

## Command line (kader --help). Keys: cli-<command> and cli-<command>--<option>.

cli = Checks jaarplan drafts against the kaderbrief and the beleidsplan.
cli-exit-codes = Exit codes: 0 = all right, 1 = errors found, 2 = kader could not do its job.
cli--help = Show this help (`-h` short, `--help` in full).
cli--version = Show kader's version.
clap-usage-word = Usage:
clap-heading-commands = Commands
clap-heading-arguments = Arguments
clap-heading-options = Options
clap-possible-values = possible values
clap-default = default
cli-value-options = OPTIONS
cli-value-command = COMMAND
cli-value-when = WHEN
cli-value-paths = PATHS
cli-value-rule = RULE
cli-value-dir = DIR
cli-value-shell = SHELL
cli-value-rules = RULE-FILES
cli-value-format = FORMAT
cli-value-bestand = FILE
cli-value-taal = LANG
clap-invalid-value = invalid value `{ $value }` for `{ $arg }`
clap-unknown-argument = unknown option `{ $arg }`
clap-unknown-subcommand = unknown command `{ $name }`
clap-missing-argument = this argument is missing: { $arg }
clap-conflict = `{ $arg }` cannot be used with `{ $other }`
clap-bad-value = `{ $value }` is not a valid value for `{ $arg }`
clap-wrong-values = wrong number of values for `{ $arg }`
clap-usage-error = this command is not right
clap-more = More: `kader --help`, or `kader COMMAND --help`.
man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-subcommands = SUBCOMMANDS
man-version = VERSION
cli--color = When to use colour
cli--config = Use this configuration file instead of kader.toml in this or a parent folder.
cli--lang = Language of messages, help and summary (default: `taal` in kader.toml, otherwise nl).
cli-check = Check drafts (files or folders, by default the current folder).
cli-check--paths = Draft files or folders (folders are searched for *.md).
cli-check--format = Output format: human (readable), json (machine-readable, fixed fields with `version: 1`), sarif (GitHub code scanning), github (annotations in a pull request), junit (the plan as a test run).
cli-check--output = Write the report to this file (in one go; never over a draft).
cli-check--rules = Use this rule file instead of the bundled rules.
cli-check--deny_warnings = Let warnings fail the check too (exit code 1).
cli-check--watch = Keep watching: check again as soon as a draft, rule file or kader.toml changes.
cli-check--staged = Check the plan as it is in git's index (what a commit would hold): drafts, kader.toml, rules, registers and baseline from the index; the working tree is not touched.
cli-coverage = Show for every item of the beleidsplan (and the IZA regioplan) which actions carry it out.
cli-coverage--paths = Draft files or folders (folders are searched for *.md).
cli-coverage--format = Output format: human (the tree, readable) or json.
cli-coverage--output = Write the report to this file (in one go; never over a draft).
cli-coverage--rules = Use this rule file instead of the bundled rules.
cli-begroting = Show per team and per year (and per policy line) the inzet in euro and fte against the kaderbrief's frame.
cli-begroting--paths = Draft files or folders (folders are searched for *.md).
cli-begroting--format = Output format: human (tables, readable) or json.
cli-begroting--output = Write the budget to this file (in one go; never over a draft).
cli-begroting--rules = Use this rule file instead of the bundled rules.
cli-rules = List all rules: severity, requirement and source.
cli-rules--rules = Use this rule file instead of the bundled rules.
cli-explain = Explain one rule, with an example that fails and one that passes.
cli-explain--rule = The rule's ID, such as actie-eigenaar.
cli-explain--rules = Use this rule file instead of the bundled rules.
cli-init = Set kader up in a plan repository: kader.toml, rules, an example draft and pre-commit.
cli-init--dir = The folder (by default the current one).
cli-hook = Git hooks.
cli-hook-install = Write .git/hooks/pre-commit that runs `kader check` (without the pre-commit framework).
cli-completions = Write shell completion (bash, zsh, fish, elvish, powershell) to stdout.
cli-completions--shell = The shell.
cli-manpage = Write the man page (roff) to stdout.

## Waivers

subject-until = end date
subject-sum = the sum of { $field }
subject-amounts = amounts
subject-target = register node
subject-separator = separator between ID and title
subject-field-heading = heading with fields
eval-waiver-unused = this waiver suppresses nothing
waiver-expired-label = this waiver expired on { $date }
waiver-expired-note = the waiver ("{ $reason }") applied until { $date } and has expired; extend it with a new date or fix the finding
resolve-used-outside-waivers = `gebruikt` only works with `voor elke uitzondering`
resolve-used-outside-waivers-label = there is no waiver here

## kader test

test-example-without-marker = the failing example of `{ $rule }` does not say where the finding belongs
test-example-without-marker-label = there is no <!-- verwacht: ... --> here
test-example-without-marker-help = Put <!-- verwacht: { $rule } --> at the end of the line where the finding starts.
test-case-unreadable = test case { $path } cannot be read: { $reason }
test-other-line = { $case }: `{ $rule }` expected on line { $expected }, but kader reports it on line { $found }
test-expected-here = expected here: { $rule }
test-found-here = kader reports it here: { $message }
test-missing = { $case }: `{ $rule }` expected, but kader does not report it
test-unknown-rule = there is no rule `{ $rule }` in this rule set
test-unexpected = { $case }: unexpected `{ $rule }`: { $message }
test-unexpected-help = If the finding is right, put <!-- verwacht: { $rule } --> at the end of this line; otherwise the rule does not do what it should.
test-no-passing-example = rule `{ $rule }` has no example that passes
test-no-failing-example = rule `{ $rule }` has no example that fails
test-uncovered-label = this rule
test-uncovered-help = Add a `voorbeeld goed """..."""` or `voorbeeld fout """..."""` with <!-- verwacht: ... -->, or a test case in the folder tests/ beside the rule file.
test-summary = { $rules }: { $cases } cases, { $passed } passed, { $failed } failed; { $uncovered ->
    [0] every rule has an example that passes and one that fails
    [one] 1 example is missing
   *[other] { $uncovered } examples are missing
}
cli-test = Test rule files: their examples and the test cases in tests/ beside them (by default the rules from kader.toml, or the bundled ones).
cli-test--rules = Rule files to test.
test-case-good = { $rule } (passing example { $n })
test-case-bad = { $rule } (failing example { $n })

## Baseline

summary-baseline = { $suppressed ->
    [one] 1 finding is in the baseline and not shown
   *[other] { $suppressed } findings are in the baseline and not shown
}{ $fixed ->
    [0] {""}
    [one] ; 1 baselined finding is fixed (`kader baseline --prune` removes it)
   *[other] ; { $fixed } baselined findings are fixed (`kader baseline --prune` removes them)
}
baseline-unreadable = { $path } cannot be read: { $reason }
baseline-invalid = the baseline is not a valid baseline file
baseline-invalid-help = Write the baseline again with `kader baseline`.
baseline-header = # Findings that were already there, written by `kader baseline`. `kader check` no longer
    # shows them and says how many are left; `kader baseline --prune` removes fixed ones.
    # Per file, action (or register item) and rule, not per line number.
baseline-missing = there is no baseline { $path }
baseline-written = { $path } written: { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
baseline-pruned = { $path } updated: { $removed } fixed and removed, { $left } left
cli-baseline = Write today's findings to kader-baseline.toml; from then on `kader check` shows only new ones.
cli-baseline--paths = Draft files or folders (folders are searched for *.md).
cli-baseline--prune = Only remove what has been fixed; add nothing.
cli-baseline--rules = Use this rule file instead of the bundled rules.
cli-baseline--output = Write the baseline to this file (by default kader-baseline.toml beside kader.toml, or in the current folder).
cli-check--baseline = Use this baseline (by default kader-baseline.toml beside kader.toml, or in the current folder, if there is one).
cli-check--no_baseline = Show all findings, including those in the baseline.

## Report (kader report)

report-title = Report
report-made-on = Made by kader on { $date }.
report-ready = The plan is ready to submit: no errors.
report-not-ready = Not ready yet: { $complete } of { $total } actions complete.
report-files = files
report-actions = actions
report-complete = complete
report-errors = errors
report-warnings = warnings
report-waived = waived
report-per-file = Per team
report-col-team = Team
report-col-file = File
report-n-of-m = { $n } of { $m }
report-timeline = Timeline { $period }
report-timeline-legend = Bar: an action's timeline; diamond: a milestone; red: a finding in the timeline.
report-no-line = Without a policy line
report-no-timeline = Without a readable timeline:
report-budget = Budget against the kaderbrief
report-budget-total = The whole plan
report-coverage = Policy coverage
report-n-of-m-covered = { $n } of { $m } items have an action.
report-col-node = Item
report-col-level = Level
report-col-title = Title
report-no-action = no action
report-not-touched = Not touched:
report-action-table = Actions
report-all = all
report-with-errors = with errors
report-with-warnings = with warnings
report-without-findings = without findings
report-shown = shown:
report-col-id = ID
report-col-owner = Owner
report-col-policy = Policy line
report-col-period = Period
report-col-iep = IEP
report-no = no
report-yes = yes
report-missing = missing
report-findings = Findings
report-whole-plan = The whole plan
cli-fix = Fix what needs no choice in the drafts: titles from the register, an ID with exactly one suggestion, field names. Writes each file in one go; never a waiver. Exit code 0: nothing left to do, 1: findings remain that need a person, 2: kader could not do its job.
cli-fix--paths = Draft files or folders to fix (folders are searched for *.md).
cli-fix--diff = Show what kader fix would change as a unified diff, and write nothing.
cli-fix--rules = Use this rule file instead of the bundled rules.
cli-fix--deny_warnings = Let remaining warnings give exit code 1 too.
cli-lsp = Start the language server (LSP over stdio) for your editor: findings while you type, quick fixes, completion, explanations of IDs.
cli-lsp--stdio = Ignored (some editors pass it); the server always talks over stdio.
cli-report = Write one HTML page with the whole plan for reviewers: summary, timeline, coverage, actions and findings.
cli-report--paths = Draft files or folders (folders are searched for *.md).
cli-report--output = Write the report to this file, such as report.html (in one go; never over a draft).
cli-report--rules = Use this rule file instead of the bundled rules.
cli--jobs = Check with this many threads (default: one per core, at most four per core); the output is always the same.

# Voortgang (progress reports)
place-progress = in the progress block
expected-a-key = a front-matter key, such as `soort`
expected-a-status = the name of a status, such as `vertraagd`
resolve-second-progress = There already is a `voortgang` block
resolve-second-progress-label = second `voortgang` block
resolve-status-twice = Status `{ $name }` is declared twice
resolve-progress-no-marker = The `voortgang` block does not say how a report is recognised
resolve-progress-no-marker-help = Add: kenmerk soort = "voortgang"
resolve-no-progress = This rule is about progress reports, but the rule set has no `voortgang` block
resolve-no-progress-label = reports without a `voortgang` block
resolve-no-progress-help = Add a voortgang block with a marker (kenmerk soort = "voortgang"), the fields of an entry and the statuses; rules/README.md shows how.
resolve-reported-scope = `gemeld` is about the action or milestone itself
resolve-reported-scope-label = `actie` (voor elke gestarte actie) or `mijlpaal` (voor elke verstreken mijlpaal) belongs here
resolve-reported-scope-help = Write: voor elke gestarte actie  eis actie gemeld
resolve-cutoff-scope = `na peildatum` needs the peildatum of a report
resolve-cutoff-scope-label = only in `voor elke melding`
report-front-matter = the front matter of the progress report
report-no-team = This progress report names no team
report-no-team-help = Add to the front matter: team = "Praktijkondersteuning" (the team in the plan)
report-no-peildatum = This progress report has no peildatum
report-bad-peildatum = The peildatum '{ $value }' is not a day
report-bad-peildatum-label = not a day
report-peildatum-help = Write the day the report describes, for example: peildatum = 2026-06-30
report-progress = Progress
report-progress-peildatum = State of the reports as of { $date }. The red line is that day.
report-progress-new-planning = new planning: { $period }
report-progress-legend = Bar: the timeline in the plan; yellow with a dashed extension: delayed, with the new planning.
report-progress-action = Action
report-progress-status = Latest status
report-progress-as-of = As of
report-progress-no-entry = not reported
report-progress-missed = Missed milestones
report-progress-none-missed = Every milestone before the peildatum has been reported.
progress-no-reports = No progress report found in { $paths }
progress-no-reports-help = A report has soort = "voortgang", the team and the peildatum in its front matter. Name the folder of reports: kader voortgang <plan> <reports>, or set voortgang = ["voortgang/"] in kader.toml.
cli-voortgang = Hold the progress reports against the plan: missing entries, past milestones, delays without a new planning, finished actions without a result, more spent than planned.
cli-voortgang--paths = The plan and the reports (files or folders); a file with soort = "voortgang" in its front matter is a report. Without paths: paden and voortgang from kader.toml.
cli-voortgang--format = Output format: human, json, sarif, github, junit (as kader check) or html (the report page with the Progress view).
cli-voortgang--output = Write the output to this file (in one go; never over a draft).
cli-voortgang--rules = Use this rule file instead of the bundled rules.
cli-voortgang--deny_warnings = Let warnings fail the check too (exit code 1).
cli-voortgang--baseline = Use this baseline (as kader check).
cli-voortgang--no_baseline = Show every finding, also those in the baseline.
progress-action-in-plan = the action in the plan
subject-itself = the action
eval-status-is-not = the status is not { $status }
eval-before-cutoff = this does not lie after the peildatum { $date }
eval-no-such-status = '{ $value }' is no status
eval-statuses = The statuses are: { $names }.
eval-entry-missing = { $id } is missing from this report
eval-report-missing = { $team } has no report as of { $date }
eval-milestone-no-status = the milestone is there, but without a status
eval-milestone-not-mentioned = this entry does not name the milestone
eval-milestone-in-plan = the milestone in the plan
eval-spent-over = { $spent } spent; planned: { $planned }
eval-planned-here = the inzet in the plan

# Word drafts
docx-binary-doc = This is an old Word file (.doc); kader reads .docx only
docx-save-as-docx = Open it in Word and choose Save as → Word Document (.docx), or write the draft in Markdown.
docx-macros = This Word file contains macros (.docm); kader does not read it
docx-encrypted = This Word file is protected with a password
docx-encrypted-help = Save a copy without a password (File → Info → Protect Document) and check that.
docx-not-zip = This is no readable .docx file (no Office Open XML package)
docx-no-document = This .docx file has no document (word/document.xml is missing)
docx-too-large = { $part } is larger than kader reads (more than { $mb } MB unpacked, or more than { $ratio } times its packed size)
docx-too-large-help = An ordinary draft is far smaller; this file is damaged or made to make programs hang.
docx-bad-xml = { $part } in this .docx file is not valid XML: { $reason }
walk-doc-skipped = { $name } is an old Word file (.doc) and is not checked
