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
summary-actions = { $count ->
    [one] 1 action
   *[other] { $count } actions
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
days-left = { $count ->
    [one] 1 day left until the deadline
   *[other] { $count } days left until the deadline
}
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
eval-before-plan = { $said } starts before the plan period, which starts on { $date }
eval-after-plan = { $said } runs past the plan period, which ends on { $date }
eval-end-before-start = { $end } lies entirely before { $start }
eval-starts-here = starts here
eval-milestone-order = { $milestone } lies before the previous milestone, { $previous }
eval-previous-milestone = previous milestone
eval-no-such-action = `{ $id }` is not an action in this plan
eval-cycle = cycle: { $path }
eval-no-amount = no fte, number of hours or amount here
eval-no-such-rule = `{ $name }` is not a rule
eval-no-action-links-here = no action links here
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
