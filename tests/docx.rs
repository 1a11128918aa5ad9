//! Word drafts: the bundled plan converted by real writers (pandoc, LibreOffice, python-docx
//! with Dutch style names; made again by .ci/docx-test.sh) gives the findings of the
//! Markdown plan; hostile files are refused one by one with a reason while the rest is checked.

mod common;

use std::io::Write;

use common::{TempDir, kader, kader_in};

/// (rule, file stem, action, waived) of every finding: what must match between a draft and
/// its conversion (lines differ: the Word text is not the Markdown text).
fn findings(json: &serde_json::Value) -> Vec<(String, String, String, bool)> {
    let mut out: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap_or("");
            let stem = file
                .rsplit('/')
                .next()
                .unwrap_or("")
                .rsplit_once('.')
                .map_or("", |(s, _)| s);
            (
                d["rule"].as_str().unwrap().to_owned(),
                stem.to_owned(),
                d["action"].as_str().unwrap_or("").to_owned(),
                !d["waived"].is_null(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_plan_converted_by_pandoc_gives_the_markdown_findings() {
    let md = kader(&["check", "--format", "json", "fixtures/jaarplan-2026-2027"]);
    let word = kader(&["check", "--format", "json", "fixtures/docx/pandoc"]);
    assert_eq!(word.code, md.code, "{}", word.stderr);
    let (md, word) = (md.json(), word.json());
    assert_eq!(word["summary"]["actions"], 12);
    assert_eq!(findings(&word), findings(&md));
    assert_eq!(word["summary"], md["summary"]);
    // The waiver was a Word comment: it is applied, with its reason.
    let waived: Vec<_> = word["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["waived"].is_null())
        .collect();
    assert_eq!(waived.len(), 1);
    assert!(
        waived[0]["waived"]["reason"]
            .as_str()
            .unwrap()
            .starts_with("Duurzaamheid")
    );
}

#[test]
fn the_plan_saved_by_libreoffice_gives_the_markdown_findings() {
    let md = kader(&["check", "--format", "json", "fixtures/jaarplan-2026-2027"]);
    let word = kader(&["check", "--format", "json", "fixtures/docx/libreoffice"]);
    assert_eq!(word.code, md.code, "{}", word.stderr);
    let (md, word) = (md.json(), word.json());
    assert_eq!(findings(&word), findings(&md));
    assert_eq!(word["summary"], md["summary"]);
}

#[test]
fn the_plan_written_with_python_docx_and_dutch_styles_gives_the_markdown_findings() {
    // Headings in `Kop 1` … (style IDs `Kop1` …, based on Word's headings), list styles for
    // the fields and milestones, a Word table, the waiver as a Word comment.
    let md = kader(&["check", "--format", "json", "fixtures/jaarplan-2026-2027"]);
    let word = kader(&["check", "--format", "json", "fixtures/docx/python-docx"]);
    assert_eq!(word.code, md.code, "{}", word.stderr);
    let (md, word) = (md.json(), word.json());
    assert_eq!(findings(&word), findings(&md));
    assert_eq!(word["summary"], md["summary"]);
}

/// A .docx package from parts, for the hostile cases (real Word files come from the
/// producers above).
fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const DOC: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>BODY</w:body></w:document>"#;

#[test]
fn hostile_word_files_are_refused_each_with_a_reason_and_the_rest_is_checked() {
    let tmp = TempDir::new("docx-hostile");
    let dir = tmp.path();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    // A good draft beside them is still checked.
    std::fs::copy("fixtures/docx/pandoc/team-wijk.docx", dir.join("goed.docx")).unwrap();
    // A zip bomb: 80 MB of spaces in document.xml, compressed to almost nothing.
    let spaces = vec![b' '; 80 * 1024 * 1024];
    write("bom.docx", &package(&[("word/document.xml", &spaces)]));
    // Over the ratio, under the size: 4 MB that packs to a few KB.
    let packed = vec![b'a'; 4 * 1024 * 1024];
    write("verhouding.docx", &package(&[("word/document.xml", &packed)]));
    // No document.xml.
    write("leeg.docx", &package(&[("word/styles.xml", b"<w:styles/>")]));
    // Entity expansion: a DTD is refused before anything is expanded.
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    write("entiteiten.docx", &package(&[("word/document.xml", laughs.as_bytes())]));
    // An undeclared entity in the text.
    let undeclared = DOC.replace("BODY", "<w:p><w:r><w:t>&boem;</w:t></w:r></w:p>");
    write(
        "entiteit.docx",
        &package(&[("word/document.xml", undeclared.as_bytes())]),
    );
    // Password protected: Word writes an encrypted package inside a compound file.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    cfb.resize(4096, 0);
    write("wachtwoord.docx", &cfb);
    // Macros.
    let body = DOC.replace("BODY", "");
    write(
        "macros.docm",
        &package(&[("word/document.xml", body.as_bytes()), ("word/vbaProject.bin", b"\0")]),
    );
    write(
        "stiekem.docx",
        &package(&[("word/document.xml", body.as_bytes()), ("word/vbaProject.bin", b"\0")]),
    );
    // Not a zip at all.
    write("kapot.docx", b"this is not a zip file");
    // An old .doc in a folder: named, not read.
    write("oud.doc", &cfb);

    let run = kader_in(dir, &["check", "--format", "json", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let json = run.json();
    let problems = json["problems"].as_array().unwrap();
    let said = |file: &str| -> String {
        problems
            .iter()
            .find(|p| p["file"].as_str().unwrap().ends_with(file))
            .unwrap_or_else(|| panic!("no problem for {file}: {problems:?}"))["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        said("bom.docx").contains("groter dan kader leest"),
        "{}",
        said("bom.docx")
    );
    assert!(said("verhouding.docx").contains("groter dan kader leest"));
    assert!(said("leeg.docx").contains("word/document.xml ontbreekt"));
    assert!(said("entiteiten.docx").contains("DTD"), "{}", said("entiteiten.docx"));
    assert!(
        said("entiteit.docx").contains("geen geldige XML"),
        "{}",
        said("entiteit.docx")
    );
    assert!(said("wachtwoord.docx").contains("wachtwoord"));
    assert!(said("macros.docm").contains("macro"));
    assert!(said("stiekem.docx").contains("macro"));
    assert!(said("kapot.docx").contains("geen leesbaar .docx"));
    let doc = problems
        .iter()
        .find(|p| p["file"].as_str().unwrap().ends_with("oud.doc"))
        .unwrap();
    assert_eq!(doc["severity"], "warning", "{doc}");
    assert!(doc["message"].as_str().unwrap().contains("oud.doc"));
    // Every kind is the Word kind, and the good draft was checked.
    assert!(problems.iter().all(|p| p["kind"] == "word-onleesbaar"), "{problems:?}");
    assert_eq!(json["summary"]["files"], 1);
    assert!(
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["action"] == "WK-01")
    );
}

#[test]
fn a_doc_named_on_the_command_line_is_exit_2_with_save_as_docx() {
    let tmp = TempDir::new("docx-doc");
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(2048, 0);
    std::fs::write(tmp.path().join("plan.doc"), &cfb).unwrap();
    let run = kader_in(tmp.path(), &["check", "plan.doc"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("Opslaan als") || run.stderr.contains("Opslaan als"),
        "{}{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn the_word_reader_reads_styles_lists_tables_changes_fields_and_comments() {
    // What Word itself writes for these constructs, in the smallest package: localised style
    // IDs resolved through styles.xml, a custom style based on a heading, numbering, a bold
    // label, a line break, a tracked insertion and deletion, a hyperlink and a field, a
    // merged table, custom properties and a waiver comment next to an ordinary one.
    let styles = r#"<w:styles xmlns:w="w"><w:style w:styleId="Kop1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="Kop3"><w:name w:val="heading 3"/></w:style><w:style w:styleId="Actiekop"><w:name w:val="Actiekop"/><w:basedOn w:val="Kop3"/></w:style><w:style w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/></w:style></w:styles>"#;
    let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#;
    let item = |lvl: u8, runs: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Lijstalinea"/><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="3"/></w:numPr></w:pPr>{runs}</w:p>"#
        )
    };
    let label = |name: &str, value: &str| {
        item(
            0,
            &format!(
                r#"<w:r><w:rPr><w:b/></w:rPr><w:t>{name}:</w:t></w:r><w:r><w:t xml:space="preserve"> {value}</w:t></w:r>"#
            ),
        )
    };
    let body = [
        r#"<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Jaarplan Wijkzorg</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:pPr><w:pStyle w:val="Actiekop"/></w:pPr><w:r><w:t>Actie WK-01: Wijkprofielen</w:t></w:r><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/></w:p>"#.to_owned(),
        label("Eigenaar", "Team Wijk"),
        // Tracked changes read as accepted: "Q1 2026" replaced by "Q2 2026".
        item(0, r#"<w:r><w:rPr><w:b/></w:rPr><w:t>Tijdpad:</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:del w:id="5" w:author="A"><w:r><w:delText>Q1 2026</w:delText></w:r></w:del><w:ins w:id="6" w:author="A"><w:r><w:t>Q2 2026</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> – Q4 2027</w:t></w:r>"#),
        // A field (its result counts, not its code) and a hyperlink (its text).
        item(0, r#"<w:r><w:rPr><w:b/></w:rPr><w:t>Beleidslijn:</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF beleid</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>WK.HWV.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#),
        item(0, r#"<w:r><w:rPr><w:b/></w:rPr><w:t>IZA:</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:hyperlink r:id="rId9" xmlns:r="r"><w:r><w:t>T5</w:t></w:r></w:hyperlink>"#),
        label("Inzet", "0,3 fte; € 10.000"),
        label("Beoogd resultaat", "eind 2027 heeft elke wijk een profiel"),
        // A line break inside the IEP.
        item(0, r#"<w:r><w:rPr><w:b/></w:rPr><w:t>IEP:</w:t></w:r><w:r><w:t xml:space="preserve"> Inwoners merken dat de huisarts en de wijkverpleging hun wijk kennen,</w:t><w:br/><w:t>zodat hulp dichterbij en sneller beschikbaar is dan nu het geval is.</w:t></w:r>"#),
        // A table of actions with a merged owner cell.
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Actie</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Eigenaar</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Beleidslijn</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>WK-02 Spreekuur</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Team Wijk</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>WK.HWV</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>WK-03 Huisbezoek</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>WK.HWV</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>WK-04 Samen met de gemeente</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>WK.HWV</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_owned(),
    ]
    .concat();
    let document = DOC.replace("BODY", &body);
    let comments = r#"<w:comments xmlns:w="w"><w:comment w:id="1"><w:p><w:r><w:t>kader: negeer actie-iep "Wordt in september aangevuld"</w:t></w:r></w:p></w:comment><w:comment w:id="2"><w:p><w:r><w:t>Klopt dit bedrag?</w:t></w:r></w:p></w:comment></w:comments>"#;
    let custom = r#"<Properties xmlns="x" xmlns:vt="vt"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="team"><vt:lpwstr>Wijkzorg</vt:lpwstr></property></Properties>"#;
    let bytes = package(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/comments.xml", comments.as_bytes()),
        ("docProps/custom.xml", custom.as_bytes()),
    ]);
    let text = kader::inputs::docx::convert(&bytes).expect("converts").text;
    let expected = "+++
team = \"Wijkzorg\"
+++

# Jaarplan Wijkzorg

### Actie WK-01: Wijkprofielen

<!-- kader: negeer actie-iep \"Wordt in september aangevuld\" -->

- **Eigenaar:** Team Wijk
- **Tijdpad:** Q2 2026 – Q4 2027
- **Beleidslijn:** WK.HWV.2
- **IZA:** T5
- **Inzet:** 0,3 fte; € 10.000
- **Beoogd resultaat:** eind 2027 heeft elke wijk een profiel
- **IEP:** Inwoners merken dat de huisarts en de wijkverpleging hun wijk kennen,
  zodat hulp dichterbij en sneller beschikbaar is dan nu het geval is.

| Actie | Eigenaar | Beleidslijn |
|---|---|---|
| WK-02 Spreekuur | Team Wijk | WK.HWV |
| WK-03 Huisbezoek | Team Wijk | WK.HWV |
| WK-04 Samen met de gemeente |  | WK.HWV |

";
    assert_eq!(text, expected);
    // And the rules read it as a draft: four actions, the waiver unused (the IEP is there),
    // the spanned row without an owner.
    let tmp = TempDir::new("docx-constructs");
    std::fs::write(tmp.path().join("wijk.docx"), &bytes).unwrap();
    let run = kader_in(tmp.path(), &["check", "--format", "json", "wijk.docx"]);
    let json = run.json();
    assert_eq!(json["summary"]["actions"], 4, "{}", run.stdout);
    let rules = common::rule_ids(&json);
    assert!(rules.contains(&"waiver-ongebruikt".to_owned()), "{rules:?}");
    let owner = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "actie-eigenaar")
        .expect("WK-04 has no owner");
    assert_eq!(owner["action"], "WK-04");
    // Nine paragraphs before the table, three per row before it (one empty): its first is 19.
    assert_eq!(owner["docx"]["paragraph"], 19, "{owner}");
}

#[test]
fn json_and_sarif_name_the_word_paragraph_and_its_text() {
    let run = kader(&["check", "--format", "json", "fixtures/docx/pandoc/team-wijk.docx"]);
    let json = run.json();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "afhankelijk-volgorde")
        .expect("the finding of the Markdown plan");
    let place = &d["docx"];
    // The paragraph as Word counts it: the n-th <w:p> of document.xml holds "Tijdpad:".
    let bytes = std::fs::read("fixtures/docx/pandoc/team-wijk.docx").unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let at = xml.find(">Tijdpad:<").unwrap();
    let n = xml[..at].matches("<w:p>").count() + xml[..at].matches("<w:p ").count();
    assert_eq!(place["paragraph"], n as u64, "{d}");
    // `begin 2026` within "- **Tijdpad:** begin 2026 – eind 2027".
    assert_eq!(
        (place["start"].as_u64(), place["end"].as_u64()),
        (Some(15), Some(25)),
        "{d}"
    );
    let sarif = kader(&["check", "--format", "sarif", "fixtures/docx/pandoc/team-wijk.docx"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "afhankelijk-volgorde")
        .unwrap();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], n as u64);
    assert_eq!(region["startColumn"], 16);
    assert_eq!(region["snippet"]["text"], "- **Tijdpad:** begin 2026 – eind 2027");
    assert!(region.get("byteOffset").is_none(), "no offsets into the zip: {region}");
}

#[test]
fn kader_fix_never_writes_over_a_word_draft() {
    let tmp = TempDir::new("docx-fix");
    let path = tmp.path().join("team-spoedzorg.docx");
    std::fs::copy("fixtures/docx/pandoc/team-spoedzorg.docx", &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // The Markdown original has safe fixes (a missing separator in a heading).
    let md = kader(&["fix", "--diff", "fixtures/jaarplan-2026-2027/team-spoedzorg.md"]);
    assert!(md.stdout.contains("@@"), "the Markdown draft has a fix: {}", md.stdout);
    let run = kader_in(tmp.path(), &["fix", "team-spoedzorg.docx"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert_eq!(std::fs::read(&path).unwrap(), before, "the .docx is untouched");
}
