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
summary-files-and-reports = { $files } en { $count ->
    [one] 1 voortgangsrapportage
   *[other] { $count } voortgangsrapportages
}
summary-actions = { $count ->
    [one] 1 actie
   *[other] { $count } acties
}
summary-problems = { $count ->
    [one] 1 probleem
   *[other] { $count } problemen
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
junit-problems-suite = invoer

## Begroting (kader begroting, het rapport)

budget-heading = Begroting { $plan } — { $source }; { $actions } in { $files }
budget-no-kaderbrief = het plan noemt geen kaderbrief (geen kaders)
budget-norm = 1 fte = { $hours } uur per week; bedragen per jaar tellen naar de dagen van het tijdpad in dat jaar, fte is een jaargemiddelde.
budget-col-year = jaar
budget-col-euro = euro
budget-col-fte = fte
budget-col-frame = kader
budget-col-difference = verschil
budget-team = Team { $team }
budget-no-team = (geen team)
budget-no-team-note = concepten zonder `{ $key }` in het voorwerk
budget-not-listed = niet in de kaderbrief: geen kader
budget-unread = { $count ->
    [one] 1 bedrag telt niet mee: kader kan het niet optellen (zie inzet-bedrag); het totaal is te laag
   *[other] { $count } bedragen tellen niet mee: kader kan ze niet optellen (zie inzet-bedrag); de totalen zijn te laag
}
budget-total = Het hele plan (kader: de kaders van de teams samen)
budget-over = boven het kader

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
explain-fields = Velden die de regel leest, met alle namen die een schrijver mag gebruiken
explain-synonyms = synoniemen (tellen niet mee; kader stelt dit veld voor)
explain-register-ids = ID's in { $register }
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
    [amounts] { $count ->
        [one] 1 bedrag
       *[other] { $count } bedragen
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
eval-time-nearest = schrijf het als een tijdsaanduiding die kader leest, zoals `{ $notation }`
eval-before-plan = { $said } begint voor de planperiode, die begint op { $date }
eval-after-plan = { $said } loopt tot na de planperiode, die eindigt op { $date }
eval-end-before-start = { $end } ligt helemaal voor { $start }
eval-starts-here = begint hier
eval-milestone-order = { $milestone } ligt voor de vorige mijlpaal, { $previous }
eval-previous-milestone = vorige mijlpaal
eval-no-such-action = `{ $id }` is geen actie in dit plan
eval-cycle = kring: { $path }
eval-total = samen { $total }; vereist: { $cmp } { $frame }
eval-total-frame = samen { $total }; het kader is { $frame }
eval-total-share = { $action }: { $share } in { $year }
eval-team-not-listed = de kaderbrief kent geen team `{ $name }`
eval-team-names = De kaderbrief kent: { $names }
eval-amount-multiplier = `{ $per }` zonder aantal: kader kan dit niet optellen
eval-amount-multiplier-help = Schrijf erbij voor hoeveel het geldt, `{ $written } (<aantal> …)`, zoals `0,2 fte per wijkmanager (9 wijkmanagers)`; of schrijf het totaal.
eval-amount-range = een bereik, geen bedrag
eval-amount-range-help = Kies één bedrag (bijvoorbeeld het hoogste): kader telt de inzet op en houdt haar tegen het kader van de kaderbrief.
eval-amount-point = een punt waar in een Nederlands bedrag een komma staat
eval-amount-point-help = Schrijf `{ $comma }`: een punt scheidt duizendtallen (€ 1.500), een komma decimalen (1,5 fte).
eval-amount-unreadable = kader kan dit bedrag niet lezen
eval-amount-unreadable-help = Schrijf bedragen als € 25.000, € 25k of € 1,2 mln, mensen als 0,4 fte of 8 uur per week.
eval-no-amount = hier staat geen fte, aantal uren of bedrag
eval-no-such-rule = `{ $name }` is geen regel
eval-no-action-links-here = geen enkele actie verwijst hiernaar
eval-separator-missing = hier hoort een dubbele punt
eval-no-such-field = kader kent geen veld `{ $name }`
eval-no-such-node = `{ $id }` staat in geen register
eval-synonym-note = `{ $name }` telt niet als `{ $field }`: het regelbestand noemt het een synoniem, geen naam van het veld
eval-label-meant = `{ $name }` telt niet als `{ $field }`; bedoelde je dat hier?
eval-heading-not-action = geen actiekop: kader leest deze kop niet als actie
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

## Herstellen (kader fix, snelle oplossingen in de editor)
fix-replace = vervang `{ $old }` door `{ $new }`
fix-separator = zet een dubbele punt tussen het ID en de titel
fix-title = neem de titel uit het register over: `{ $title }`
fix-add-field = voeg het veld { $field } toe (vul daarna de waarde in)
fix-waiver = negeer { $rule } in deze actie, met een reden (vul de reden in)
fix-waiver-reason = reden
fix-all = herstel alles wat zonder keuze kan (kader fix)
fix-done = { $file }: { $count ->
    [one] 1 herstelling
   *[other] { $count } herstellingen
  }
fix-nothing = niets te herstellen zonder keuze
fix-left = { $count ->
    [one] 1 bevinding vraagt om een mens
   *[other] { $count } bevindingen vragen om een mens
  }; kader check toont ze
fix-readonly = { $file } is alleen-lezen
fix-readonly-help = maak het bestand schrijfbaar (chmod u+w { $file }), of herstel het met de hand
fix-write-failed = { $file } kon niet worden geschreven ({ $reason }); de andere bestanden zijn wel hersteld
fix-cannot-write = { $file } kan niet worden geschreven ({ $reason })
fix-not-written = kader fix heeft niets geschreven

lsp-waived = genegeerd: { $reason }
lsp-source = bron
lsp-failed = de taalserver stopte: { $reason }
lsp-failed-help = kader lsp praat LSP over stdin en stdout en wordt door een editor gestart; zie editors/README.md

## kader.toml

config-unreadable = { $path } kan niet gelezen worden: { $reason }
config-unknown-key = onbekende instelling `{ $key }` in { $file }
config-keys = instellingen: { $keys }
config-invalid = { $file } is geen geldige configuratie
config-unknown-key-label = onbekende instelling
config-bad-glob = `{ $glob }` is geen geldig patroon
config-bad-glob-help = Bijvoorbeeld: negeer = ["archief/**", "**/oud-*.md"]
config-unknown-lang = onbekende taal `{ $lang }`
config-unknown-lang-label = verwacht "nl" of "en"
config-bad-deadline = de inleverdatum is geen datum
config-bad-deadline-label = alleen een datum
config-bad-deadline-help = Schrijf: inleverdatum = 2026-09-15
config-unknown-severity = onbekende ernst voor `{ $rule }`
config-unknown-severity-label = verwacht "fout", "waarschuwing", "opmerking" of "uit"
config-no-such-rule = er is geen regel `{ $rule }`
config-no-such-rule-label = onbekende regel
config-no-such-node = `dekking` noemt `{ $id }`, dat in geen register staat
config-no-such-node-label = niet in een register

## Bestanden vinden en lezen

io-not-found = bestaat niet
io-permission-denied = geen leesrechten
io-permission-denied-write = geen schrijfrechten
io-is-a-directory = is een map
io-not-utf8 = is geen UTF-8-tekst (sla het bestand op als UTF-8)
io-not-a-directory = een deel van het pad is geen map
io-already-exists = bestaat al
io-read-only = staat op een schijf waarop niet geschreven mag worden
io-disk-full = de schijf is vol
io-file-too-large = is te groot voor het bestandssysteem
io-broken-pipe = de ontvanger las niet meer (pipe gesloten)
io-timed-out = duurde te lang (time-out)
io-interrupted = werd onderbroken
io-out-of-memory = er was niet genoeg geheugen
io-directory-not-empty = de map is niet leeg
io-busy = is in gebruik
io-crosses-devices = ligt op een andere schijf
io-invalid-filename = heeft een ongeldige naam
io-too-many-links = heeft te veel koppelingen
io-unsupported = kan op dit systeem niet
io-os-error = een fout van het besturingssysteem (code { $code })
io-other = een onbekende fout bij lezen of schrijven
io-not-a-regular-file = is geen gewoon bestand (een apparaat, pijp of socket)
io-too-large = is groter dan { $limit } MB
io-system-file = is een bestand van het systeem (/proc, /sys of /dev), geen concept, regelbestand of instelling
walk-broken-link-argument = verwijst naar iets dat niet bestaat (kapotte koppeling)
walk-missing-help = Geef een bestaand bestand of een map met concepten (*.md).
walk-link-loop = koppeling naar een bovenliggende map ({ $ancestor }), overgeslagen
walk-broken-link = kapotte koppeling (het doel bestaat niet), overgeslagen
walk-link-outside = koppeling naar buiten de gecontroleerde mappen, overgeslagen
walk-link-outside-help = Hoort de map waar de koppeling naar wijst bij het plan, noem haar dan ook op de opdrachtregel of onder `paden` in kader.toml.
walk-binary = is geen tekstbestand (bevat NUL-bytes)
walk-binary-help = Een concept is Markdown-tekst; haal dit bestand uit de map of hernoem het.
walk-not-utf8 = is geen UTF-8
walk-not-utf8-help = Sla het bestand op als UTF-8 (in Word: Opslaan als → Platte tekst → Unicode (UTF-8)).
walk-special-file = is geen gewoon bestand (een apparaat, pijp of socket), niet gelezen
walk-no-drafts = geen concepten gevonden (*.md), dus niets gecontroleerd
walk-no-drafts-help = Geef de map met de teambestanden van het jaarplan, of zet die onder `paden` in kader.toml.
git-not-staged = staat niet in de index van git (niet toegevoegd met `git add`)
git-not-staged-help = `kader check --staged` controleert wat een commit zou bevatten; voeg het bestand toe met `git add`, of controleer de werkmap met `kader check`.
git-not-in-index = staat niet in de index van git
git-no-index = kan de index van git niet lezen: { $reason }
git-no-index-help = `--staged` werkt in een git-repository, met git op het PATH.

## Rapport wegschrijven (-o)

output-is-draft = { $path } lijkt een concept (.md); kader overschrijft geen concepten
output-is-draft-help = Kies een andere naam, bijvoorbeeld rapport.txt of rapport.json.
output-is-input = { $path } is een bestand dat kader leest; kader overschrijft het niet
output-is-input-help = Kies een andere naam voor het rapport.
output-write-failed = { $path } kan niet geschreven worden: { $reason }
output-stdout-failed = kan de uitvoer niet schrijven: { $reason }
today-invalid = KADER_TODAY is geen datum: `{ $value }`
today-invalid-help = Schrijf de datum als 2026-09-01 (jaar-maand-dag), of laat KADER_TODAY weg.

## kader check --watch

watch-failed = kan geen bestanden volgen: { $reason }
watch-not-watched = { $path } wordt niet gevolgd: { $reason }
watch-watching = kader kijkt mee; een wijziging start een nieuwe controle (Ctrl-C stopt).
watch-error = bij het volgen van bestanden: { $reason }
watch-too-many = het systeem kan niet zoveel bestanden tegelijk volgen (verhoog fs.inotify.max_user_watches)

## Opdrachten

run-config-broken = { $file } bevat fouten; er is niets gecontroleerd
run-rules-broken = de regels bevatten fouten; er is niets gecontroleerd
explain-see-rules = `kader rules` toont alle regels
explain-example-file = voorbeeld.md
init-written = geschreven  { $path }
init-exists = bestaat al, niet overschreven: { $path }
init-deadline-passed = # De inleverdatum van het jaarplan 2026-2027 (15 september 2026) is voorbij: zet hier die van de volgende kaderbrief.
init-next = Volgende stap: `kader check` in { $dir }; pas jaarplan/team-voorbeeld.md aan voor je team.
init-failed = kan niet schrijven in { $dir }: { $reason }
hook-no-git = { $dir } is geen git-repository (geen .git gevonden)
hook-no-git-help = draai `kader hook install` in de repository van het jaarplan.
hook-written = geschreven { $path }: elke commit draait nu `kader check`
hook-exists = { $path } bestaat al; kader overschrijft geen hook
hook-exists-help = voeg `kader check` toe aan de bestaande hook, of gebruik pre-commit (.pre-commit-config.yaml).
hook-failed = de hook kan niet geschreven worden: { $reason }

## Voorwerk (front matter) en plan

front-matter-unclosed = het voorwerk (+++) wordt niet afgesloten
front-matter-starts-here = hier begint het voorwerk
front-matter-unclosed-help = Sluit het voorwerk af met een regel met alleen +++.
front-matter-yaml = het voorwerk is YAML (---); kader leest TOML tussen +++-regels
front-matter-yaml-label = YAML-voorwerk
front-matter-yaml-help = Vervang beide ---regels door +++ en schrijf de waarden als TOML: team = "Praktijkondersteuning".
front-matter-invalid = het voorwerk is geen geldige TOML
front-matter-invalid-help = Schrijf elke regel als sleutel = "waarde", bijvoorbeeld: team = "Praktijkondersteuning".
plan-waits-for = { $action } wacht op { $other }
sarif-front-matter-title = Het voorwerk van een concept is geldige TOML tussen +++-regels
sarif-front-matter-description = Een concept begint eventueel met TOML tussen +++-regels (plan, team, auteur, versie, status).
sarif-front-matter-help = Schrijf het voorwerk als: team = "Praktijkondersteuning"

## Registers

kaderbrief-invalid = kaderbrief `{ $name }` is geen geldig kaderbriefbestand
kaderbrief-invalid-help = Een kaderbrief heeft id, titel, [norm] met uren_per_week, en [[team]]-blokken met naam en kader (zie rules/README.md).
kaderbrief-bad-deadline = de inleverdatum van de kaderbrief is geen datum
kaderbrief-bad-norm = de norm moet tussen 0 en 80 uur per week liggen
kaderbrief-bad-norm-label = uren per week voor een fte
kaderbrief-team-twice = team `{ $name }` (of een van zijn namen) staat twee keer in de kaderbrief
kaderbrief-bad-year = dit is geen kalenderjaar
kaderbrief-bad-year-label = een jaar als 2026
kaderbrief-bad-amount = een kader is een bedrag of aantal fte van 0 of meer
kaderbrief-bad-amount-label = bij dit jaar
kaderbrief-frame-twice = team `{ $name }` heeft voor { $year } twee kaders
kaderbrief-unknown-node = `{ $id }` staat niet in een register van het plan
kaderbrief-line-not-top = een kader per beleidslijn noemt een lijn van het beleidsplan; `{ $id }` ligt onder `{ $line }`
kaderbrief-line-not-top-label = geen lijn
kaderbrief-unknown-node-help = Prioriteiten en beleidslijnen in de kaderbrief zijn ID's uit het beleidsplan, zoals HA.ARB.
register-invalid = register `{ $name }` is geen geldig registerbestand
register-invalid-help = Controleer de TOML-schrijfwijze op deze plek: teksten tussen "...", lijsten tussen [...].
register-duplicate = ID `{ $id }` staat twee keer in het register
register-second-time = tweede keer
register-first-time = eerste keer
register-duplicate-help = Geef elk onderdeel een eigen ID.
register-bad-id = ID `{ $id }` is geen bruikbaar ID
register-bad-id-label = leeg, of met een spatie, komma of puntkomma
register-bad-id-help = Een ID is één woord zonder spaties, zoals HA.ARB.1: concepten noemen ID's in een lijst met komma's.
register-unknown-level = onbekend niveau `{ $level }`
register-unknown-level-label = niet in `niveaus`
register-levels = Gebruik een van: { $levels }
register-unknown-parent = ouder `{ $parent }` van `{ $id }` bestaat niet
register-unknown-id = onbekend ID
register-unknown-parent-help = `ouder` noemt het ID van een ander onderdeel van dit register.
register-own-parent = `{ $id }` noemt zichzelf als ouder
register-own-parent-label = ouder is zichzelf
register-parent-cycle = de ouders in het register vormen een kring: { $chain }
register-parent-cycle-label = deze ouder sluit de kring
register-parent-cycle-help = Een onderdeel hoort onder een thema en een thema onder een lijn; geef een van deze onderdelen een andere `ouder`.

## Tijdsaanduidingen (tijdpad)

time-not-a-year = `{ $year }` is geen jaartal
time-wrong-weekday = { $date } is een { $weekday }
time-no-such-week = { $year } heeft geen week { $week }
time-no-such-month = maand { $month } bestaat niet
time-no-such-day = { $month } heeft { $days } dagen, geen { $day }
time-second-before-first = het tweede deel ligt voor het eerste
time-no-such-quarter = een jaar heeft vier kwartalen, geen { $n }e
time-second-quarter-first = het tweede kwartaal ligt voor het eerste
time-no-such-half = een jaar heeft twee helften, geen { $n }e
time-missing = hier ontbreekt een tijdsaanduiding
time-not-a-time = `{ $text }` is geen tijdsaanduiding
time-trailing = `{ $text }` hoort niet bij een tijdsaanduiding
time-none = hier staat geen tijdsaanduiding

## Regelbestanden: lezen en syntaxis

rules-not-bundled = dit bestand hoort niet bij de ingebouwde regels
rules-not-utf8 = het bestand is geen UTF-8 (ongeldige byte op positie { $position })
rules-unreadable = regelbestand `{ $path }` kan niet gelezen worden: { $reason }
rules-included-here = hier opgenomen
rules-unreadable-help = Controleer het pad; paden zijn relatief aan het bestand waarin ze staan.
rules-register-unreadable = register `{ $path }` kan niet gelezen worden: { $reason }
rules-this-register = dit register
rules-register-unreadable-help = Paden zijn relatief aan het regelbestand.
rules-include-cycle = regelbestanden nemen elkaar in een kring op: { $chain }
rules-closes-cycle = dit sluit de kring
rules-include-cycle-help = Haal een van de `gebruik`-regels weg.
rules-end-of-file = het einde van het bestand
rules-expected = verwacht { $what }, maar vond { $found }
rules-expected-label = hier verwacht: { $what }
rules-candidates = hier kan staan: { $words }
rules-unknown-word = onbekend woord `{ $word }` { $place }
rules-unknown-word-label = onbekend woord
rules-too-deep = de eis is te diep genest (meer dan { $max } niveaus)
rules-too-deep-label = te diep genest
rules-too-deep-help = Splits de eis over meer regels.
rules-unclosed = dit blok wordt niet afgesloten met {"}"}
rules-unclosed-label = dit {"{"} wordt nergens gesloten
rules-unclosed-help = Zet een {"}"} na de laatste regel van het blok.
rules-bad-date-label = geen geldige datum
rules-bad-date-help = Schrijf een datum als 2026-01-01.
rules-unterminated-string = tekst zonder afsluitend aanhalingsteken
rules-unterminated-string-label = deze tekst sluit niet
rules-unterminated-string-help = Sluit de tekst af met ".
rules-unterminated-pattern = patroon zonder afsluitende schuine streep
rules-unterminated-pattern-label = dit patroon sluit niet
rules-unterminated-pattern-help = Sluit het patroon op dezelfde regel af met /; schrijf een / in het patroon als \/.
rules-number-too-big = dit getal is te groot
rules-number-too-big-label = te groot
rules-unexpected = onverwacht { $found }
rules-here = hier
rules-not-a-date = `{ $text }` is geen datum als 2026-01-01
rules-no-such-date = `{ $text }` bestaat niet: maand { $month } van { $year } heeft { $days } dagen
place-top = aan het begin van een onderdeel
place-plan = in het plan-blok
place-action = in het actie-blok
place-clause = in een regel
place-scope = na `voor elke`
place-predicate = als eis
place-kind = als soort veld
place-severity = als ernst
expected-one-of = een van: { $words }
expected-string = een tekst tussen aanhalingstekens ("...")
expected-pattern = een patroon tussen schuine strepen (/.../)
expected-number = een getal
expected-date = een datum als 2026-01-01
expected-register-name = de naam van het register
expected-field-name = de naam van het veld
expected-rule-id = het ID van de regel, zoals `actie-eigenaar`
expected-severity-or-off = een ernst (fout, waarschuwing, opmerking) of `uit`
expected-severity = een ernst: fout, waarschuwing of opmerking
expected-english-text = titel, melding, hulp of beschrijving
expected-every = `elke` (voor elke actie)
expected-a-register-name = de naam van een register
expected-a-group = waarnaar gegroepeerd wordt: jaar, een sleutel uit het voorwerk (team) of een verwijzingsveld
expected-per = `per` en waarnaar gegroepeerd wordt: `voor elk totaal per team, jaar`
expected-a-unit = een eenheid (euro of fte) of een vergelijking
expected-kaderbrief-or-number = `kaderbrief` (het kader van de groep) of een getal
expected-a-field-name = de naam van een veld
expected-then = `dan` (als ... dan ...)
expected-subject = een veld, zoals `eigenaar`, of `niet`, `als` of `(`
expected-level-example = een niveau, zoals `thema`
expected-level = een niveau
expected-actions-field = een veld met acties, zoals `afhankelijk`
expected-comparison = een vergelijking: >=, <=, >, < of =

## Regelbestanden: betekenis

resolve-no-kaderbrief = het plan noemt geen kaderbrief
resolve-no-kaderbrief-label = geen kaderbrief in het plan
resolve-no-kaderbrief-help = Noem hem in het plan: kaderbrief "kaderbrief-2026-2027.toml"
resolve-sum-outside-total = `som` telt de acties van een groep op en staat alleen in `voor elk totaal`
resolve-sum-outside-total-label = hier is geen groep
resolve-sum-outside-total-help = Schrijf bijvoorbeeld: voor elk totaal per team, jaar  eis som inzet <= kaderbrief
resolve-sum-unit-differs = de som en het kader hebben een andere eenheid
resolve-sum-unit-differs-label = andere eenheid dan de som
resolve-no-registers = Er zijn geen registers; noem ze in het plan: register beleid = "beleidsplan-2026-2027.toml"
resolve-known = bekend zijn: { $names }
resolve-unknown = { $what ->
    [register] onbekend register
    [rule] onbekende regel
    [level] onbekend niveau
    [field] onbekend veld
    [unit] onbekende eenheid
    [bound] onbekende grens
    [status] onbekende status
   *[subject] onbekend onderwerp
} `{ $name }`
resolve-unknown-label = geen { $what ->
    [register] register
    [rule] regel
    [level] niveau
    [field] veld
    [unit] eenheid
    [bound] grens
    [status] status
   *[subject] onderwerp
} met deze naam
resolve-unknown-flag = onbekende vlag `{ $flag }` achter het patroon
resolve-unknown-flag-help = Mogelijke vlaggen: i (hoofdletters negeren), x, s
resolve-bad-regex = dit patroon is geen geldige reguliere expressie
resolve-bad-regex-help = Zie https://docs.rs/regex/#syntax voor de schrijfwijze.
resolve-second-plan = het plan is al eerder beschreven
resolve-second-plan-label = tweede `plan`-blok
resolve-second-plan-help = Een regelset heeft één `plan {"{"} ... {"}"}`.
resolve-period-reversed = de periode eindigt voor ze begint
resolve-period-reversed-label = begin na einde
resolve-no-period = het plan noemt geen periode
resolve-no-period-label = hier ontbreekt `periode`
resolve-no-period-help = Voeg toe: periode 2026-01-01 t/m 2027-12-31
resolve-field-defined = veld `{ $name }` is al gedefinieerd
resolve-second-definition = tweede definitie
resolve-first-definition = eerste definitie
resolve-empty-field-name = een lege veldnaam
resolve-empty-label = leeg
resolve-second-action = de actievorm is al eerder beschreven
resolve-second-action-label = tweede `actie`-blok
resolve-heading-levels = kopniveaus lopen van 1 t/m 6
resolve-heading-levels-label = ongeldig bereik
resolve-heading-levels-help = Bijvoorbeeld: niveau 2 t/m 4
resolve-action-incomplete = het `actie`-blok mist `herken` of `kop`
resolve-action-incomplete-help = Beide patronen zijn nodig: welke koppen een actie willen zijn, en hoe een goede actiekop eruitziet.
resolve-rule-exists = regel `{ $id }` bestaat al
resolve-second-rule = tweede regel met dit ID
resolve-first-rule = eerste regel met dit ID
resolve-rule-exists-help = Geef de regel een ander ID, of wijzig de bestaande met `regel { $id } is waarschuwing`.
resolve-no-plan = de regelset beschrijft geen plan
resolve-set-starts-here = hier begint de regelset
resolve-no-plan-help = Voeg toe: plan "Jaarplan 2026-2027" {"{"} periode 2026-01-01 t/m 2027-12-31 {"}"}
resolve-no-action = de regelset beschrijft niet hoe een actie eruitziet
resolve-no-action-help = Voeg een `actie {"{"} herken /.../ kop /.../ {"}"}`-blok toe.
resolve-no-group = het patroon heeft geen groep `{ $group }`
resolve-no-group-label = voeg (?P<{ $group }>...) toe
resolve-no-group-help = De groepen `id` en `titel` zeggen waar het ID en de titel van de actie staan.
resolve-synonym-is-alias = `{ $word }` is al een naam van het veld `{ $field }`
resolve-synonym-is-alias-label = hier als synoniem
resolve-synonym-is-alias-help = Een woord is een naam van een veld (het telt mee) of een synoniem (kader stelt het veld voor), niet allebei.
resolve-clause-twice = regel `{ $id }` heeft een onderdeel twee keer
resolve-in-this-rule = in deze regel
resolve-clause-twice-help = Elke regel heeft hooguit één `voor`, `eis`, `melding`, `hulp`, `bron` en `beschrijving`; combineer eisen met `en`.
resolve-no-requirement = regel `{ $id }` heeft geen eis
resolve-no-requirement-label = hier ontbreekt `eis ...`
resolve-no-requirement-help = Voeg toe, bijvoorbeeld: eis eigenaar ingevuld
resolve-no-message = regel `{ $id }` heeft geen melding
resolve-no-message-label = hier ontbreekt `melding "..."`
resolve-no-message-help = Een melding zegt de schrijver wat er mis is, bijvoorbeeld: melding "Actie {"{"}actie{"}"} heeft geen eigenaar"
resolve-possible = mogelijk: { $names }
resolve-unknown-placeholder = onbekende invulplek `{"{"}{ $name }{"}"}` in de tekst
resolve-unknown-placeholder-label = onbekend
resolve-wrong-kind = `{ $name }` is geen { $kind ->
    [tijd] tijdveld
   *[other] veld met acties
}
resolve-wrong-kind-label = hier is een { $kind ->
    [tijd] tijdveld
   *[other] veld met acties
} nodig
resolve-declare = Declareer het als: veld { $name }: { $decl } = ...
resolve-field-not-links = veld `{ $name }` verwijst niet naar een register
resolve-not-links = `{ $name }` verwijst niet naar een register
resolve-not-links-label = geen verwijzingsveld
resolve-other-register = veld `{ $name }` verwijst naar een ander register
resolve-other-register-label = `{ $name }` verwijst naar `{ $register }`

## Opdrachtregel (kader --help). Sleutels: cli-<opdracht> en cli-<opdracht>--<optie>.

cli = Controleert jaarplan-concepten tegen de kaderbrief en het beleidsplan.
cli-exit-codes = Exitcodes: 0 = in orde, 1 = fouten gevonden, 2 = kader kon zijn werk niet doen.
cli--help = Toon deze hulp (`-h` kort, `--help` uitgebreid).
cli--version = Toon de versie van kader.
clap-usage-word = Gebruik:
clap-heading-commands = Opdrachten
clap-heading-arguments = Argumenten
clap-heading-options = Opties
clap-possible-values = mogelijke waarden
clap-default = standaard
cli-value-options = OPTIES
cli-value-command = OPDRACHT
cli-value-when = WANNEER
cli-value-paths = PADEN
cli-value-rule = REGEL
cli-value-dir = MAP
cli-value-shell = SHELL
cli-value-rules = REGELBESTANDEN
cli-value-format = VORM
cli-value-bestand = BESTAND
cli-value-taal = TAAL
clap-invalid-value = ongeldige waarde `{ $value }` voor `{ $arg }`
clap-unknown-argument = onbekende optie `{ $arg }`
clap-unknown-subcommand = onbekende opdracht `{ $name }`
clap-missing-argument = dit argument ontbreekt: { $arg }
clap-conflict = `{ $arg }` gaat niet samen met `{ $other }`
clap-bad-value = `{ $value }` is geen geldige waarde voor `{ $arg }`
clap-wrong-values = verkeerd aantal waarden voor `{ $arg }`
clap-usage-error = deze opdracht klopt niet
clap-more = Meer uitleg: `kader --help`, of `kader OPDRACHT --help`.
man-name = NAAM
man-synopsis = GEBRUIK
man-description = BESCHRIJVING
man-options = OPTIES
man-subcommands = OPDRACHTEN
man-version = VERSIE
cli--color = Wanneer kleur gebruiken
cli--config = Gebruik dit configuratiebestand in plaats van kader.toml in deze of een bovenliggende map.
cli--lang = Taal van meldingen, hulp en samenvatting (standaard `taal` in kader.toml, anders nl).
cli-check = Controleer concepten (bestanden of mappen, standaard de huidige map).
cli-check--paths = Conceptbestanden of mappen (mappen worden doorzocht op *.md).
cli-check--format = Uitvoervorm: human (leesbaar), json (machineleesbaar, vaste velden met `version: 1`), sarif (GitHub code scanning), github (annotaties in een pull request), junit (het plan als testrun).
cli-check--output = Schrijf het rapport naar dit bestand (in één keer; nooit over een concept).
cli-check--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-check--deny_warnings = Laat ook waarschuwingen de controle doen mislukken (exitcode 1).
cli-check--watch = Blijf kijken: controleer opnieuw zodra een concept, regelbestand of kader.toml verandert.
cli-check--staged = Controleer het plan zoals het in de index van git staat (wat een commit zou bevatten): concepten, kader.toml, regels, registers en baseline uit de index; de werkmap blijft onaangeroerd.
cli-coverage = Toon per onderdeel van het beleidsplan (en het IZA-regioplan) welke acties het uitvoeren.
cli-coverage--paths = Conceptbestanden of mappen (mappen worden doorzocht op *.md).
cli-coverage--format = Uitvoervorm: human (de boom, leesbaar) of json.
cli-coverage--output = Schrijf het rapport naar dit bestand (in één keer; nooit over een concept).
cli-coverage--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-begroting = Toon per team en per jaar (en per beleidslijn) de inzet in euro en fte tegen het kader van de kaderbrief.
cli-begroting--paths = Conceptbestanden of mappen (mappen worden doorzocht op *.md).
cli-begroting--format = Uitvoervorm: human (tabellen, leesbaar) of json.
cli-begroting--output = Schrijf de begroting naar dit bestand (in één keer; nooit over een concept).
cli-begroting--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-rules = Toon alle regels: ernst, eis en bron.
cli-rules--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-explain = Leg één regel uit, met een voorbeeld dat faalt en een dat klopt.
cli-explain--rule = Het ID van de regel, zoals actie-eigenaar.
cli-explain--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-init = Zet kader op in een planrepository: kader.toml, regels, een voorbeeldconcept en pre-commit.
cli-init--dir = De map (standaard de huidige).
cli-hook = Git-hooks.
cli-hook-install = Schrijf .git/hooks/pre-commit die `kader check` draait (zonder het pre-commit-framework).
cli-completions = Schrijf aanvulling voor de shell (bash, zsh, fish, elvish, powershell) naar stdout.
cli-completions--shell = De shell.
cli-manpage = Schrijf de man-pagina (roff) naar stdout.

## Uitzonderingen (waivers)

subject-until = einddatum
subject-sum = de som van { $field }
subject-amounts = bedragen
subject-target = registeronderdeel
subject-separator = scheiding tussen ID en titel
subject-field-heading = kop met velden
eval-waiver-unused = deze uitzondering onderdrukt niets
waiver-expired-label = deze uitzondering liep af op { $date }
waiver-expired-note = de uitzondering ("{ $reason }") gold tot { $date } en is verlopen; verleng haar met een nieuwe datum of los de bevinding op
resolve-used-outside-waivers = `gebruikt` kan alleen bij `voor elke uitzondering`
resolve-used-outside-waivers-label = hier is geen uitzondering

## kader test

test-example-without-marker = het foute voorbeeld van `{ $rule }` zegt niet waar de bevinding hoort
test-example-without-marker-label = hier staat geen <!-- verwacht: ... -->
test-example-without-marker-help = Zet <!-- verwacht: { $rule } --> aan het eind van de regel waar de bevinding begint.
test-case-unreadable = testgeval { $path } kan niet gelezen worden: { $reason }
test-other-line = { $case }: `{ $rule }` verwacht op regel { $expected }, maar kader meldt het op regel { $found }
test-expected-here = hier verwacht: { $rule }
test-found-here = kader meldt het hier: { $message }
test-missing = { $case }: `{ $rule }` verwacht, maar kader meldt het niet
test-unknown-rule = er is geen regel `{ $rule }` in deze regelset
test-unexpected = { $case }: onverwacht `{ $rule }`: { $message }
test-unexpected-help = Klopt de bevinding, zet dan <!-- verwacht: { $rule } --> aan het eind van deze regel; anders doet de regel niet wat hij moet doen.
test-no-passing-example = regel `{ $rule }` heeft geen voorbeeld dat slaagt
test-no-failing-example = regel `{ $rule }` heeft geen voorbeeld dat faalt
test-uncovered-label = deze regel
test-uncovered-help = Voeg een `voorbeeld goed """..."""` of `voorbeeld fout """..."""` met <!-- verwacht: ... --> toe, of een testgeval in de map tests/ naast het regelbestand.
test-summary = { $rules }: { $cases } gevallen, { $passed } geslaagd, { $failed } mislukt; { $uncovered ->
    [0] elke regel heeft een voorbeeld dat slaagt en een dat faalt
    [one] 1 keer ontbreekt een voorbeeld
   *[other] { $uncovered } keer ontbreekt een voorbeeld
}
cli-test = Test regelbestanden: hun voorbeelden en de testgevallen in tests/ ernaast (standaard de regels uit kader.toml, of de ingebouwde).
cli-test--rules = Regelbestanden om te testen.
test-case-good = { $rule } (voorbeeld goed { $n })
test-case-bad = { $rule } (voorbeeld fout { $n })

## Baseline

summary-baseline = { $suppressed ->
    [one] 1 bevinding staat al in de baseline en wordt niet getoond
   *[other] { $suppressed } bevindingen staan al in de baseline en worden niet getoond
}{ $fixed ->
    [0] {""}
    [one] ; 1 bevinding uit de baseline is opgelost (`kader baseline --prune` haalt haar weg)
   *[other] ; { $fixed } bevindingen uit de baseline zijn opgelost (`kader baseline --prune` haalt ze weg)
}
baseline-unreadable = { $path } kan niet gelezen worden: { $reason }
baseline-invalid = de baseline is geen geldig baselinebestand
baseline-invalid-help = Schrijf de baseline opnieuw met `kader baseline`.
baseline-header = # Bevindingen die er al waren, geschreven door `kader baseline`. `kader check` toont ze niet
    # meer en zegt hoeveel er nog over zijn; `kader baseline --prune` haalt opgeloste weg.
    # Per bestand, actie (of registeronderdeel) en regel, niet per regelnummer.
baseline-missing = er is geen baseline { $path }
baseline-written = { $path } geschreven: { $count ->
    [one] 1 bevinding
   *[other] { $count } bevindingen
}
baseline-pruned = { $path } bijgewerkt: { $removed } opgelost en weggehaald, { $left } over
cli-baseline = Schrijf de bevindingen van vandaag naar kader-baseline.toml; `kader check` toont daarna alleen nieuwe.
cli-baseline--paths = Conceptbestanden of mappen (mappen worden doorzocht op *.md).
cli-baseline--prune = Haal alleen weg wat is opgelost; voeg niets toe.
cli-baseline--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-baseline--output = Schrijf de baseline naar dit bestand (standaard kader-baseline.toml naast kader.toml, of in de huidige map).
cli-check--baseline = Gebruik deze baseline (standaard kader-baseline.toml naast kader.toml, of in de huidige map, als die er is).
cli-check--no_baseline = Toon alle bevindingen, ook die in de baseline.

## Rapport (kader report)

report-title = Rapport
report-made-on = Gemaakt door kader op { $date }.
report-ready = Het plan is klaar om in te leveren: geen fouten.
report-not-ready = Nog niet klaar: { $complete } van { $total } acties compleet.
report-files = bestanden
report-actions = acties
report-complete = compleet
report-errors = fouten
report-warnings = waarschuwingen
report-waived = genegeerd
report-per-file = Per team
report-col-team = Team
report-col-file = Bestand
report-n-of-m = { $n } van { $m }
report-timeline = Tijdlijn { $period }
report-timeline-legend = Balk: het tijdpad van een actie; ruit: een mijlpaal; rood: een bevinding in het tijdpad.
report-no-line = Zonder beleidslijn
report-no-timeline = Zonder leesbaar tijdpad:
report-budget = Begroting tegen de kaderbrief
report-budget-total = Het hele plan
report-coverage = Dekking van het beleid
report-n-of-m-covered = { $n } van { $m } onderdelen hebben een actie.
report-col-node = Onderdeel
report-col-level = Niveau
report-col-title = Titel
report-no-action = geen actie
report-not-touched = Niet geraakt:
report-action-table = Acties
report-all = alle
report-with-errors = met fouten
report-with-warnings = met waarschuwingen
report-without-findings = zonder bevindingen
report-shown = zichtbaar:
report-col-id = ID
report-col-owner = Eigenaar
report-col-policy = Beleidslijn
report-col-period = Periode
report-col-iep = IEP
report-no = nee
report-yes = ja
report-missing = ontbreekt
report-findings = Bevindingen
report-whole-plan = Het hele plan
cli-fix = Herstel wat zonder keuze kan in de concepten: titels uit het register, een ID met precies één voorstel, veldnamen. Schrijft elk bestand in één keer; nooit een uitzondering. Exitcode 0: niets meer te doen, 1: er blijven bevindingen voor een mens, 2: kader kon zijn werk niet doen.
cli-fix--paths = Conceptbestanden of mappen om te herstellen (mappen worden doorzocht op *.md).
cli-fix--diff = Toon wat kader fix zou veranderen als unified diff, en schrijf niets.
cli-fix--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-fix--deny_warnings = Laat ook overgebleven waarschuwingen exitcode 1 geven.
cli-lsp = Start de taalserver (LSP over stdio) voor je editor: bevindingen terwijl je typt, snelle oplossingen, aanvullen, uitleg bij ID's.
cli-lsp--stdio = Wordt genegeerd (sommige editors geven het mee); de server praat altijd over stdio.
cli-report = Schrijf één HTML-pagina met het hele plan voor reviewers: samenvatting, tijdlijn, dekking, acties en bevindingen.
cli-report--paths = Conceptbestanden of mappen (mappen worden doorzocht op *.md).
cli-report--output = Schrijf het rapport naar dit bestand, zoals rapport.html (in één keer; nooit over een concept).
cli-report--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli--jobs = Controleer met zoveel threads (standaard één per kern, hoogstens vier per kern); de uitvoer is altijd dezelfde.

# Voortgang (progress reports)
place-progress = in het voortgang-blok
expected-a-key = een sleutel uit het voorwerk, zoals `soort`
expected-a-status = de naam van een status, zoals `vertraagd`
resolve-second-progress = Er is al een `voortgang`-blok
resolve-second-progress-label = tweede `voortgang`-blok
resolve-status-twice = Status `{ $name }` staat er twee keer
resolve-progress-no-marker = Het `voortgang`-blok zegt niet hoe een rapportage herkend wordt
resolve-progress-no-marker-help = Voeg toe: kenmerk soort = "voortgang"
resolve-no-progress = Deze regel gaat over voortgangsrapportages, maar de regelset heeft geen `voortgang`-blok
resolve-no-progress-label = rapportages zonder `voortgang`-blok
resolve-no-progress-help = Voeg een voortgang-blok toe met een kenmerk (kenmerk soort = "voortgang"), de velden van een melding en de statussen; rules/README.md laat zien hoe.
resolve-reported-scope = `gemeld` gaat over de actie of mijlpaal zelf
resolve-reported-scope-label = hier hoort `actie` (voor elke gestarte actie) of `mijlpaal` (voor elke verstreken mijlpaal)
resolve-reported-scope-help = Schrijf: voor elke gestarte actie  eis actie gemeld
resolve-cutoff-scope = `na peildatum` vraagt om de peildatum van een rapportage
resolve-cutoff-scope-label = alleen in `voor elke melding`
report-front-matter = het voorwerk van de voortgangsrapportage
report-no-team = Deze voortgangsrapportage noemt geen team
report-no-team-help = Voeg aan het voorwerk toe: team = "Praktijkondersteuning" (het team uit het plan)
report-no-peildatum = Deze voortgangsrapportage heeft geen peildatum
report-bad-peildatum = De peildatum '{ $value }' is geen dag
report-bad-peildatum-label = geen dag
report-peildatum-help = Schrijf de dag waarop de stand beschreven is, bijvoorbeeld: peildatum = 2026-06-30
report-progress = Voortgang
report-progress-peildatum = Stand van de rapportages per { $date }. De rode lijn is die peildatum.
report-progress-new-planning = nieuwe planning: { $period }
report-progress-legend = Balk: het tijdpad in het plan; geel met een gestreepte verlenging: vertraagd, met de nieuwe planning.
report-progress-action = Actie
report-progress-status = Laatste status
report-progress-as-of = Per
report-progress-no-entry = niet gemeld
report-progress-missed = Gemiste mijlpalen
report-progress-none-missed = Elke mijlpaal van voor de peildatum is gemeld.
progress-no-reports = Geen voortgangsrapportage gevonden in { $paths }
progress-no-reports-help = Een rapportage heeft in het voorwerk soort = "voortgang", het team en de peildatum. Noem de map met rapportages: kader voortgang <plan> <rapportages>, of zet voortgang = ["voortgang/"] in kader.toml.
cli-voortgang = Houd de voortgangsrapportages tegen het plan: ontbrekende meldingen, verstreken mijlpalen, vertragingen zonder nieuwe planning, afgeronde acties zonder resultaat, meer besteed dan gepland.
cli-voortgang--paths = Het plan en de rapportages (bestanden of mappen); een bestand met soort = "voortgang" in het voorwerk is een rapportage. Zonder paden: paden en voortgang uit kader.toml.
cli-voortgang--format = Uitvoervorm: human, json, sarif, github, junit (zoals kader check) of html (de rapportpagina met de weergave Voortgang).
cli-voortgang--output = Schrijf de uitvoer naar dit bestand (in één keer; nooit over een concept).
cli-voortgang--rules = Gebruik dit regelbestand in plaats van de ingebouwde regels.
cli-voortgang--deny_warnings = Laat ook waarschuwingen de controle doen mislukken (exitcode 1).
cli-voortgang--baseline = Gebruik deze baseline (zoals kader check).
cli-voortgang--no_baseline = Toon alle bevindingen, ook die in de baseline.
progress-action-in-plan = de actie in het plan
subject-itself = de actie
eval-status-is-not = de status is niet { $status }
eval-before-cutoff = dit ligt niet na de peildatum { $date }
eval-no-such-status = '{ $value }' is geen status
eval-statuses = De statussen zijn: { $names }.
eval-entry-missing = { $id } ontbreekt in deze rapportage
eval-report-missing = { $team } heeft geen rapportage per { $date }
eval-milestone-no-status = de mijlpaal staat er, maar zonder status
eval-milestone-not-mentioned = deze melding noemt de mijlpaal niet
eval-milestone-in-plan = de mijlpaal in het plan
eval-spent-over = { $spent } besteed; gepland: { $planned }
eval-planned-here = de inzet in het plan

# Word-concepten
docx-binary-doc = Dit is een oud Word-bestand (.doc); kader leest alleen .docx
docx-save-as-docx = Open het in Word en kies Opslaan als → Word-document (.docx), of schrijf het concept in Markdown.
docx-macros = Dit Word-bestand bevat macro's (.docm); kader leest het niet
docx-encrypted = Dit Word-bestand is met een wachtwoord beveiligd
docx-encrypted-help = Sla een kopie op zonder wachtwoord (Bestand → Info → Document beveiligen) en controleer die.
docx-not-zip = Dit is geen leesbaar .docx-bestand (geen Office Open XML-pakket)
docx-no-document = Dit .docx-bestand heeft geen document (word/document.xml ontbreekt)
docx-too-large = { $part } is groter dan kader leest (uitgepakt meer dan { $mb } MB, of meer dan { $ratio } keer zo groot als ingepakt)
docx-too-large-help = Een gewoon concept is veel kleiner; dit bestand is beschadigd of gemaakt om programma's te laten vastlopen.
docx-bad-xml = { $part } in dit .docx-bestand is geen geldige XML: { $reason }
walk-doc-skipped = { $name } is een oud Word-bestand (.doc) en wordt niet gecontroleerd
