# kader — Nederlandse meldingen (de standaardtaal).
# Project Fluent-syntaxis: https://projectfluent.org. Elke ID staat ook in en.ftl, met
# dezelfde argumenten (tests/i18n.rs bewaakt dat).

## Ernst

severity-error = fout
severity-warning = waarschuwing
severity-note = opmerking

## Samenvatting

summary-files = { $count ->
    [one] 1 bestand
   *[other] { $count } bestanden
}
summary-actions = { $count ->
    [one] 1 actie
   *[other] { $count } acties
}
summary-errors = { $count ->
    [one] 1 fout
   *[other] { $count } fouten
}
summary-warnings = { $count ->
    [one] 1 waarschuwing
   *[other] { $count } waarschuwingen
}
summary-notes = { $count ->
    [one] 1 opmerking
   *[other] { $count } opmerkingen
}
summary-waived = { $count } genegeerd
summary-no-findings = geen bevindingen
summary-line = { $files }, { $actions }: { $findings }
deadline-today = vandaag is de inleverdatum ({ $date })
days-left = { $count ->
    [one] nog 1 dag tot de inleverdatum
   *[other] nog { $count } dagen tot de inleverdatum
}
deadline-left = { $count ->
    [one] nog 1 dag tot de inleverdatum ({ $date })
   *[other] nog { $count } dagen tot de inleverdatum ({ $date })
}
deadline-yesterday = de inleverdatum ({ $date }) was gisteren
deadline-past = de inleverdatum ({ $date }) is { $count } dagen voorbij

## Menselijke uitvoer

human-help = hulp
human-note = noot
human-waived = genegeerd
human-line-too-long = { $label } (de regel is te lang om te tonen)
human-waived-heading = Genegeerd met een reden ({ $count }):
human-reason = reden
junit-file-case = (bestand)

## Dekking (kader coverage)

coverage-heading = { $register } — dekking door { $actions } in { $files }
coverage-missing = ; zonder actie: { $nodes }
coverage-level = { $covered } van { $total } gedekt
coverage-no-action = geen actie
coverage-via-children = via onderliggende: { $actions }

## Regels (kader rules, kader explain)

catalogue-rule = regel
catalogue-severity = ernst
catalogue-requirement = eis
catalogue-source = bron
catalogue-off = uit
explain-source = Bron
explain-fix = Zo los je het op
explain-bad-example = Een concept dat de regel breekt
explain-kader-says = kader zegt
explain-good-example = Een concept dat aan de regel voldoet
explain-waive = Negeren voor één actie, met een reden, schrijf je in de actie
explain-reason = reden

## Bevindingen: de labels bij de plek in het concept

word-or = of
did-you-mean = bedoelde je { $names }?
subject-title = titel
subject-heading = kop
subject-value = waarde
subject-name = naam
subject-actions = acties
subject-rule = regel
subject-reason = reden
eval-not-allowed-here = dit mag hier niet staan
eval-requirement-must-not-hold = deze eis mag hier niet gelden
eval-action-lacks = deze actie noemt geen { $what }
eval-heading-malformed = deze kop heeft niet de vorm van een actiekop
eval-heading-lacks = deze kop noemt geen { $what }
eval-waiver-lacks = deze uitzondering noemt geen { $what }
eval-missing = hier ontbreekt { $what }
eval-empty = { $what } is leeg
eval-placeholder-value = `{ $text }` is een plaatshouder, geen waarde
eval-placeholder = `{ $text }` is een plaatshouder
eval-wrong-form = deze waarde heeft niet de vereiste vorm
eval-count = { $what ->
    [words] { $count ->
        [one] 1 woord
       *[other] { $count } woorden
    }
    [characters] { $count ->
        [one] 1 teken
       *[other] { $count } tekens
    }
    [links] { $count ->
        [one] 1 verwijzing
       *[other] { $count } verwijzingen
    }
   *[actions] { $count ->
        [one] 1 actie
       *[other] { $count } acties
    }
}; vereist: { $cmp ->
    [ge] minstens
    [le] hoogstens
    [gt] meer dan
    [lt] minder dan
   *[eq] precies
} { $n }
eval-expected-value = verwacht `{ $value }`
eval-time-notations = Zo kan het: { $notations }
eval-before-plan = { $said } begint voor de planperiode, die begint op { $date }
eval-after-plan = { $said } loopt tot na de planperiode, die eindigt op { $date }
eval-end-before-start = { $end } ligt helemaal voor { $start }
eval-starts-here = begint hier
eval-milestone-order = { $milestone } ligt voor de vorige mijlpaal, { $previous }
eval-previous-milestone = vorige mijlpaal
eval-no-such-action = `{ $id }` is geen actie in dit plan
eval-cycle = kring: { $path }
eval-no-amount = hier staat geen fte, aantal uren of bedrag
eval-no-such-rule = `{ $name }` is geen regel
eval-no-action-links-here = geen enkele actie verwijst hiernaar
eval-register-mentions = het { $register } noemt hier onder meer: { $points }
eval-already-used = `{ $value }` is al eerder gebruikt
eval-first-used-here = hier voor het eerst gebruikt
eval-starts-before-dependency = { $start } begint voor { $other } (dat begint op { $date })
eval-starts-after-dependency = { $start } begint na { $other } (dat begint op { $date })
eval-other-starts-here = { $other } begint hier
eval-not-in-register = `{ $id }` staat niet in { $register }
eval-wrong-level = `{ $id }` is een { $level }; verwijs naar een { $levels }
eval-children = onder { $id } vallen: { $children }
eval-register-title = in { $register } heet { $id } `{ $title }`
eval-write-title = schrijf `{ $id } { $title }`, of alleen `{ $id }`
