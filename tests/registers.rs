//! The bundled registers hold every ID of spec/policy-register.md with its title.

use kader::lang::load;
use kader::origin::Bundled;
use kader::source::Sources;

/// spec/policy-register.md §1 and §2: the IDs are fixed, the titles verbatim.
const BELEIDSPLAN: &[(&str, &str, &str)] = &[
    ("HA", "lijn", "De huisarts en de praktijk"),
    ("HA.ARB", "thema", "Arbeidsmarkt"),
    ("HA.ARB.1", "onderdeel", "Instroom en behoud medewerkers"),
    ("HA.ARB.2", "onderdeel", "Vernieuwende oplossingen inzet professionals"),
    ("HA.TOE", "thema", "Toegankelijkheid en bereikbaarheid"),
    ("HA.TOE.1", "onderdeel", "De voordeur: telefonie, website en triagering"),
    (
        "HA.TOE.2",
        "onderdeel",
        "Stimuleren van doorstroom en het bieden van passende zorg",
    ),
    ("HA.TOE.3", "onderdeel", "Continuïteit van de huisartsenzorg"),
    ("HA.PRV", "thema", "Praktijkvoering"),
    ("HA.PRV.1", "onderdeel", "Management van de praktijk"),
    ("HA.PRV.2", "onderdeel", "Regionale ondersteuning praktijkhouderschap"),
    ("HA.PRV.3", "onderdeel", "Duurzaamheid"),
    ("HA.PRV.4", "onderdeel", "Digitalisering"),
    ("WK", "lijn", "Zorg en welzijn in de wijk"),
    ("WK.HWV", "thema", "Inrichten hechte wijkverbanden"),
    (
        "WK.HWV.1",
        "onderdeel",
        "Inrichten, organiseren en borgen hechte wijkverbanden",
    ),
    ("WK.HWV.2", "onderdeel", "Opgavegericht werken"),
    ("WK.WGW", "thema", "Wijkgericht werken"),
    ("WK.WGW.1", "onderdeel", "Digitale ondersteuning & communicatie"),
    ("WK.WGW.2", "onderdeel", "Samenwerken in het netwerk"),
    ("IW", "lijn", "De inwoner in de wijk"),
    ("IW.TOE", "thema", "Juiste toeleiding"),
    ("IW.PER", "thema", "Preventie en eigen regie"),
    ("SZ", "lijn", "Passende spoedzorg"),
    ("SZ.TOE", "thema", "Toegankelijkheid en bereikbaarheid"),
    ("SZ.ARB", "thema", "Arbeidsmarkt en werkplezier"),
    ("SZ.KET", "thema", "Verbeteren ketensamenwerking"),
    ("SZ.KWA", "thema", "Sturen op kwaliteit van zorg"),
];

const IZA: &[(&str, &str, &str)] = &[
    (
        "T1",
        "transformatie",
        "Focus op welbevinden (positieve gezondheid) & bewustwording",
    ),
    ("T2", "transformatie", "Gerichte preventie"),
    ("T3", "transformatie", "Zelfredzaamheid vergroten"),
    ("T4", "transformatie", "Gemeenschapskracht"),
    (
        "T5",
        "transformatie",
        "Ondersteuning en zorg dichtbij in de wijk beschikbaar",
    ),
    (
        "T6",
        "transformatie",
        "Netwerkorganisatie waarin formele en informele (zorg)partijen samenwerken in de wijk",
    ),
    ("T7", "transformatie", "Inzicht en beschikbaarheid juiste capaciteit"),
    ("T8", "transformatie", "Passende zorg"),
    ("F.ARB", "fundament", "Arbeidsmarkt"),
    ("F.DIG", "fundament", "Digitalisering"),
    ("F.DVA", "fundament", "Digitaalvaardigheid van inwoners"),
    ("O.SSE", "opgave", "Sterk sociaal domein en eerstelijn"),
    ("O.GOW", "opgave", "Gezond ouder worden"),
    ("O.MWG", "opgave", "Mentale weerbaarheid en gezondheid"),
    ("O.MSZ", "opgave", "Passende medisch specialistische zorg"),
    ("O.ACZ", "opgave", "Acute zorg"),
];

#[test]
fn registers_hold_every_fixed_id_with_its_title() {
    let mut sources = Sources::default();
    let (set, diags) = load(kader::embedded::ENTRY, &Bundled, &mut sources);
    assert!(diags.is_empty(), "{diags:?}");
    let set = set.expect("the bundled rules load");
    for (name, expected, id) in [
        ("beleid", BELEIDSPLAN, "beleidsplan-2026-2027"),
        ("iza", IZA, "iza-midden-nederland"),
    ] {
        let reg = set.register_named(name).unwrap();
        assert_eq!(reg.id, id);
        assert_eq!(reg.nodes.len(), expected.len(), "{id}: no nodes beyond the spec's");
        for (node_id, level, title) in expected {
            let node = reg.get(node_id).unwrap_or_else(|| panic!("{id}: {node_id} missing"));
            assert_eq!(node.level, *level, "{node_id}");
            assert_eq!(node.title, *title, "{node_id}");
            assert!(
                reg.get(&node_id.to_lowercase()).is_some(),
                "IDs match case-insensitively"
            );
        }
    }
}

#[test]
fn beleidsplan_nodes_carry_the_bullets_of_the_text() {
    let mut sources = Sources::default();
    let (set, _) = load(kader::embedded::ENTRY, &Bundled, &mut sources);
    let set = set.unwrap();
    let reg = set.register_named("beleid").unwrap();
    let points: usize = reg.nodes.iter().map(|n| n.points.len()).sum();
    let sub: usize = reg.nodes.iter().flat_map(|n| &n.points).map(|p| p.sub.len()).sum();
    // The source has 79 bullets and 6 sub-bullets in the four lines (r. 322-672).
    assert_eq!((points, sub), (79, 6));
    let arb2 = reg.get("HA.ARB.2").unwrap();
    assert_eq!(arb2.points[0].text, "Onderzoek flexibele inzet");
    assert_eq!(
        arb2.points[0].sub[0],
        "Onderzoeken behoefte en verkennen mogelijkheden regionale flexpool"
    );
    let ha = reg.get("HA").unwrap();
    assert_eq!(ha.children.len(), 3, "HA has three themes");
    assert!(reg.title_matches(ha, "De HUISARTS en de praktijk"));
}
