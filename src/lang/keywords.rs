//! The one table of rule-language keywords, Dutch first with an English alias.
//!
//! Owns: every word the parser recognises, grouped by where it may stand. Parsing, the
//! "did you mean" suggestions and the reference in rules/README.md read this table.
//! Must not: parse anything itself.

/// Where in a rule file a keyword may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At the top of a file.
    Top,
    /// Inside `plan { … }`.
    Plan,
    /// Inside `actie { … }`.
    Action,
    /// Inside `voortgang { … }`.
    Progress,
    /// Inside `regel … { … }`.
    Clause,
    /// After `voor elke` / `voor elk`.
    Scope,
    /// After a field name in a requirement.
    Predicate,
    /// A field kind after `veld naam:`.
    Kind,
    /// A severity.
    Severity,
}

/// The meaning of a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    // top level
    Plan,
    Field,
    Action,
    Placeholders,
    Rule,
    Include,
    Synonym,
    Progress,
    // progress block
    Marker,
    ProgressField,
    Status,
    // plan block
    Period,
    Register,
    Deadline,
    Kaderbrief,
    // action block
    Recognise,
    Heading,
    Levels,
    Table,
    Cell,
    Loose,
    // rule clauses
    For,
    Require,
    Message,
    Help,
    Source,
    Description,
    ExampleGood,
    ExampleBad,
    English,
    Yields,
    // scopes
    ScopeAction,
    ScopeHeading,
    ScopeField,
    ScopeDocument,
    ScopeWaiver,
    ScopeName,
    ScopeTotal,
    ScopeEntry,
    ScopeStarted,
    ScopeMilestone,
    // predicates
    Filled,
    Matches,
    Words,
    Length,
    Exists,
    AtLevel,
    TitleMatches,
    Unique,
    WithoutPlaceholder,
    IsTime,
    WithinPlan,
    InOrder,
    StartsAfter,
    StartsBefore,
    NoCycle,
    HasAmount,
    AmountsReadable,
    Known,
    Used,
    Reported,
    AfterCutoff,
    FitsIn,
    // field kinds
    KindText,
    KindTime,
    KindLinks,
    KindActions,
    KindAmount,
    KindStatus,
    // severities
    Error,
    Warning,
    Note,
}

pub struct Keyword {
    pub kw: Kw,
    pub place: Place,
    /// The Dutch spelling (what the bundled rules use).
    pub nl: &'static str,
    /// The English alias.
    pub en: &'static str,
    /// One line for the reference.
    pub doc: &'static str,
}

macro_rules! kw {
    ($kw:ident, $place:ident, $nl:literal, $en:literal, $doc:literal) => {
        Keyword {
            kw: Kw::$kw,
            place: Place::$place,
            nl: $nl,
            en: $en,
            doc: $doc,
        }
    };
}

/// Multi-word keywords are written with a single space; the parser accepts any whitespace.
pub const KEYWORDS: &[Keyword] = &[
    kw!(
        Plan,
        Top,
        "plan",
        "plan",
        "naam, periode, registers en inleverdatum van het plan"
    ),
    kw!(
        Field,
        Top,
        "veld",
        "field",
        "een veld van een actie met de namen die schrijvers gebruiken"
    ),
    kw!(
        Action,
        Top,
        "actie",
        "action",
        "hoe een actie in een concept herkend wordt"
    ),
    kw!(
        Placeholders,
        Top,
        "plaatshouders",
        "placeholders",
        "waarden die als 'nog niet ingevuld' tellen"
    ),
    kw!(
        Rule,
        Top,
        "regel",
        "rule",
        "een eis aan het jaarplan, of een wijziging van de ernst van een regel"
    ),
    kw!(Include, Top, "gebruik", "include", "neem een ander regelbestand op"),
    kw!(
        Synonym,
        Top,
        "synoniem",
        "synonym",
        "woorden die op een veld lijken maar niet meetellen: `veld-onbekend` stelt het veld voor"
    ),
    kw!(
        Progress,
        Top,
        "voortgang",
        "progress",
        "hoe een voortgangsrapportage eruitziet: kenmerk, velden en statussen"
    ),
    kw!(
        Marker,
        Progress,
        "kenmerk",
        "marker",
        "de sleutel in het voorwerk die een bestand tot rapportage maakt: `kenmerk soort = \"voortgang\"`"
    ),
    kw!(
        ProgressField,
        Progress,
        "veld",
        "field",
        "een veld van een melding met de namen die schrijvers gebruiken"
    ),
    kw!(
        Status,
        Progress,
        "status",
        "status",
        "een status met de woorden die schrijvers gebruiken: `status vertraagd = \"vertraagd\" | \"loopt achter\"`"
    ),
    kw!(
        Period,
        Plan,
        "periode",
        "period",
        "de planperiode: `periode 2026-01-01 t/m 2027-12-31`"
    ),
    kw!(
        Register,
        Plan,
        "register",
        "register",
        "een beleidsregister: `register beleid = \"bestand.toml\"`"
    ),
    kw!(
        Deadline,
        Plan,
        "inleverdatum",
        "deadline",
        "de inleverdatum van het plan"
    ),
    kw!(
        Kaderbrief,
        Plan,
        "kaderbrief",
        "framework",
        "de kaderbrief met inleverdatum, kaders per team en prioriteiten: `kaderbrief \"bestand.toml\"`"
    ),
    kw!(
        Recognise,
        Action,
        "herken",
        "recognise",
        "koppen die als actiekop bedoeld zijn"
    ),
    kw!(
        Heading,
        Action,
        "kop",
        "heading",
        "het patroon van een goede actiekop, met groepen `id` en `titel`"
    ),
    kw!(
        Levels,
        Action,
        "niveau",
        "levels",
        "de kopniveaus van een actie: `niveau 2 t/m 4`"
    ),
    kw!(
        Table,
        Action,
        "tabel",
        "table",
        "kolomkoppen die een actietabel herkenbaar maken"
    ),
    kw!(
        Cell,
        Action,
        "cel",
        "cell",
        "het patroon van de actiecel in een tabel, met groepen `id` en `titel`"
    ),
    kw!(
        Loose,
        Action,
        "losse kop",
        "loose heading",
        "een actiekop zonder `:` tussen ID en titel, met groepen `id`, `gat` en `titel`"
    ),
    kw!(For, Clause, "voor", "for", "waarop de regel werkt: `voor elke actie`"),
    kw!(Require, Clause, "eis", "require", "de eis zelf"),
    kw!(
        Message,
        Clause,
        "melding",
        "message",
        "de melding als de eis niet klopt"
    ),
    kw!(Help, Clause, "hulp", "help", "hoe de schrijver het oplost"),
    kw!(Source, Clause, "bron", "source", "waar de eis vandaan komt"),
    kw!(
        Description,
        Clause,
        "beschrijving",
        "description",
        "uitleg van de regel"
    ),
    kw!(
        ExampleGood,
        Clause,
        "voorbeeld goed",
        "example pass",
        "een stuk concept dat aan de regel voldoet: `voorbeeld goed \"\"\"...\"\"\"`"
    ),
    kw!(
        ExampleBad,
        Clause,
        "voorbeeld fout",
        "example fail",
        "een stuk concept waarin de regel een bevinding geeft"
    ),
    kw!(
        English,
        Clause,
        "engels",
        "english",
        "de teksten van de regel in het Engels: `engels { titel \"...\" melding \"...\" }`"
    ),
    kw!(
        Yields,
        Clause,
        "wijkt",
        "yields",
        "een bevinding van deze regel vervalt als een andere regel dezelfde plek meldt"
    ),
    kw!(ScopeAction, Scope, "actie", "action", "elke actie met een id"),
    kw!(
        ScopeHeading,
        Scope,
        "actiekop",
        "action-heading",
        "elke kop of tabelcel die een actie wil zijn"
    ),
    kw!(ScopeField, Scope, "veld", "field", "elk ingevuld veld van elke actie"),
    kw!(
        ScopeName,
        Scope,
        "veldnaam",
        "field-name",
        "elke veldnaam in een actie (`**Naam:**`), ook een die geen veld is"
    ),
    kw!(
        ScopeDocument,
        Scope,
        "document",
        "document",
        "elk conceptbestand (velden uit het voorwerk)"
    ),
    kw!(
        ScopeTotal,
        Scope,
        "totaal",
        "total",
        "elk totaal van de acties per groep: `voor elk totaal per team, jaar`"
    ),
    kw!(
        ScopeEntry,
        Scope,
        "melding",
        "entry",
        "elke melding (actie) in een voortgangsrapportage"
    ),
    kw!(
        ScopeStarted,
        Scope,
        "gestarte actie",
        "started action",
        "elke actie van het plan die op de peildatum van een rapportageperiode begonnen is"
    ),
    kw!(
        ScopeMilestone,
        Scope,
        "verstreken mijlpaal",
        "past milestone",
        "elke mijlpaal van het plan die op de peildatum voorbij is, bij de melding van haar actie"
    ),
    kw!(
        Filled,
        Predicate,
        "ingevuld",
        "filled",
        "het veld staat er en is niet leeg of een plaatshouder"
    ),
    kw!(
        Matches,
        Predicate,
        "matcht",
        "matches",
        "de waarde past bij een patroon: `matcht /^n\\.v\\.t/i`"
    ),
    kw!(Words, Predicate, "woorden", "words", "aantal woorden: `woorden >= 15`"),
    kw!(Length, Predicate, "lengte", "length", "aantal tekens: `lengte <= 200`"),
    kw!(
        Exists,
        Predicate,
        "bestaat in",
        "exists in",
        "elke verwijzing bestaat in een register"
    ),
    kw!(
        AtLevel,
        Predicate,
        "op niveau",
        "at level",
        "elke verwijzing is van een van deze niveaus"
    ),
    kw!(
        TitleMatches,
        Predicate,
        "titel klopt",
        "title matches",
        "een titel achter de verwijzing is de titel uit het register"
    ),
    kw!(
        Unique,
        Predicate,
        "uniek",
        "unique",
        "de waarde komt in het hele plan maar een keer voor"
    ),
    kw!(
        WithoutPlaceholder,
        Predicate,
        "zonder plaatshouder",
        "without placeholder",
        "de waarde bevat geen plaatshouder"
    ),
    kw!(
        ScopeWaiver,
        Scope,
        "uitzondering",
        "waiver",
        "elke uitzondering (`<!-- kader: negeer ... -->`) in een concept"
    ),
    kw!(
        IsTime,
        Predicate,
        "is tijd",
        "is time",
        "de waarde is een tijdsaanduiding (tijdpad)"
    ),
    kw!(
        WithinPlan,
        Predicate,
        "binnen planperiode",
        "within plan-period",
        "elk deel van het tijdpad ligt in de planperiode"
    ),
    kw!(
        InOrder,
        Predicate,
        "op volgorde",
        "in order",
        "een periode eindigt niet voor ze begint; mijlpalen staan op volgorde"
    ),
    kw!(
        StartsAfter,
        Predicate,
        "begint na",
        "starts after",
        "begint niet voor de acties in een ander veld: `tijdpad begint na afhankelijk`"
    ),
    kw!(
        StartsBefore,
        Predicate,
        "begint voor",
        "starts before",
        "begint niet na de acties in een ander veld"
    ),
    kw!(
        NoCycle,
        Predicate,
        "zonder kring",
        "without cycle",
        "de acties wachten niet in een kring op elkaar"
    ),
    kw!(
        HasAmount,
        Predicate,
        "bevat bedrag",
        "has amount",
        "de waarde noemt een hoeveelheid: fte, uren, € of euro"
    ),
    kw!(
        AmountsReadable,
        Predicate,
        "bedragen leesbaar",
        "amounts readable",
        "elk bedrag in de waarde is te tellen: geen `per wijkmanager` zonder aantal, geen bereik"
    ),
    kw!(Known, Predicate, "bekend", "known", "de waarde is een bekende regel"),
    kw!(
        Used,
        Predicate,
        "gebruikt",
        "used",
        "de uitzondering heeft een bevinding onderdrukt (`voor elke uitzondering`)"
    ),
    kw!(
        Reported,
        Predicate,
        "gemeld",
        "reported",
        "de actie staat in de rapportage van haar team; de mijlpaal is gehaald of vertraagd gemeld"
    ),
    kw!(
        AfterCutoff,
        Predicate,
        "na peildatum",
        "after cutoff",
        "elk deel van de tijdsaanduiding eindigt na de peildatum van de rapportage"
    ),
    kw!(
        FitsIn,
        Predicate,
        "past in",
        "fits in",
        "de bedragen (euro) passen in een bedragveld van de actie in het plan: `besteed past in inzet`"
    ),
    kw!(KindText, Kind, "tekst", "text", "vrije tekst"),
    kw!(KindTime, Kind, "tijd", "time", "een tijdsaanduiding (tijdpad)"),
    kw!(
        KindLinks,
        Kind,
        "verwijzing",
        "link",
        "een of meer ID's uit een register: `verwijzing(beleid)`"
    ),
    kw!(
        KindActions,
        Kind,
        "acties",
        "actions",
        "een of meer actie-ID's uit het plan"
    ),
    kw!(KindAmount, Kind, "bedrag", "amount", "inzet met bedragen, fte of uren"),
    kw!(
        KindStatus,
        Kind,
        "status",
        "status",
        "een van de statussen van het `voortgang`-blok"
    ),
    kw!(
        Error,
        Severity,
        "fout",
        "error",
        "een fout: het plan is niet klaar (exitcode 1)"
    ),
    kw!(Warning, Severity, "waarschuwing", "warning", "een waarschuwing"),
    kw!(Note, Severity, "opmerking", "note", "een opmerking"),
];

/// Look up a word (already normalised to single spaces) in one place.
pub fn lookup(place: Place, word: &str) -> Option<Kw> {
    KEYWORDS
        .iter()
        .find(|k| k.place == place && (k.nl.eq_ignore_ascii_case(word) || k.en.eq_ignore_ascii_case(word)))
        .map(|k| k.kw)
}

/// The Dutch spellings of every keyword of a place, for "expected one of" and suggestions.
pub fn spellings(place: Place) -> Vec<&'static str> {
    KEYWORDS.iter().filter(|k| k.place == place).map(|k| k.nl).collect()
}

/// Every spelling (Dutch and English) of a place.
pub fn all_spellings(place: Place) -> Vec<&'static str> {
    KEYWORDS
        .iter()
        .filter(|k| k.place == place)
        .flat_map(|k| [k.nl, k.en])
        .collect()
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
