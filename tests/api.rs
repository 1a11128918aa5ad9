//! The library API on real inputs: a plan of drafts given as bytes, checked, edited and
//! checked again; the day and the language as arguments; rules and drafts from memory.

use std::path::Path;

use kader::{Bundled, Disk, Input, Lang, Options, Origin, Overlay, Plan, Setup, Stage};

const PLAN: &str = "fixtures/jaarplan-2026-2027";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn setup(lang: Lang) -> Setup {
    Setup::load(&Disk, None, None, Some(lang)).unwrap_or_else(|e| panic!("{} diagnostics", e.diagnostics.len()))
}

/// The bundled example plan as inputs: each draft's name and bytes, read by the test.
fn plan_inputs() -> Vec<Input> {
    let mut names: Vec<_> = std::fs::read_dir(root().join(PLAN))
        .expect("the example plan")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let name = format!("{PLAN}/{}", p.file_name().unwrap().to_string_lossy());
            Input::draft(name, std::fs::read(p).expect("a draft"))
        })
        .collect()
}

fn day(y: i16, m: i8, d: i8) -> jiff::civil::Date {
    jiff::civil::date(y, m, d)
}

/// A check made on 1 September 2026.
fn on_1_september(lang: Lang) -> Options {
    Options {
        today: day(2026, 9, 1),
        lang,
    }
}

/// The JSON report of a check, as `kader check --format json` writes it.
fn json(plan: &mut Plan, options: &Options) -> String {
    let checked = plan.check(options);
    let mut out = Vec::new();
    kader::render::json::render(
        &checked.diagnostics,
        checked.problems,
        checked.summary(),
        checked.sources,
        &mut out,
    )
    .expect("written");
    String::from_utf8(out).expect("JSON is UTF-8")
}

fn rules_of(plan: &mut Plan, options: &Options) -> Vec<String> {
    plan.check(options).diagnostics.iter().map(|d| d.rule.clone()).collect()
}

#[test]
fn the_library_gives_what_the_binary_gives() {
    let setup = setup(Lang::Nl);
    let mut plan = Plan::new(&setup);
    // Added in reverse: the plan's order is the order of the names.
    for input in plan_inputs().into_iter().rev() {
        plan.add(input);
    }
    let options = on_1_september(Lang::Nl);
    let from_library = json(&mut plan, &options);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kader"))
        .args(["check", "--format", "json", "--no-baseline", PLAN])
        .current_dir(root())
        .env("KADER_TODAY", "2026-09-01")
        .output()
        .expect("kader runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(from_library, String::from_utf8(out.stdout).expect("UTF-8"));
}

#[test]
fn an_edit_checks_only_that_draft_and_gives_a_fresh_result() {
    let setup = setup(Lang::Nl);
    let options = on_1_september(Lang::Nl);
    let inputs = plan_inputs();
    let mut plan = Plan::new(&setup);
    plan.add_all(inputs.iter().cloned().map(Ok).collect());
    let count = |checked: &kader::Checked<'_>| {
        checked
            .diagnostics
            .iter()
            .filter(|d| d.rule == "actie-id-uniek")
            .count()
    };
    let first_check = plan.check(&options);
    assert_eq!(first_check.rechecked, inputs.len());
    let duplicates_before = count(&first_check);
    drop(first_check);
    // Nothing changed: nothing is parsed again, and the result is the same.
    let first = json(&mut plan, &options);
    assert_eq!(plan.check(&options).rechecked, 0);
    assert_eq!(json(&mut plan, &options), first);

    // An edit in one draft: a second action with the ID of an action in another file.
    let (wijk, others): (Vec<_>, Vec<_>) = inputs.iter().cloned().partition(|i| i.name.ends_with("team-wijk.md"));
    let mut edited = wijk[0].clone();
    let taken = others
        .iter()
        .flat_map(|i| std::str::from_utf8(&i.bytes).expect("UTF-8").lines())
        .find_map(|l| l.strip_prefix("### Actie ").and_then(|r| r.split(':').next()))
        .expect("an action in another draft")
        .to_owned();
    edited
        .bytes
        .extend_from_slice(format!("\n### Actie {taken}: Dubbel\n\n- **Eigenaar:** Team Wijk\n").as_bytes());
    plan.add(edited.clone());
    let again = plan.check(&options);
    assert_eq!(again.rechecked, 1, "only the edited draft is parsed again");
    assert_eq!(
        count(&again),
        duplicates_before + 1,
        "the plan-wide rule sees the other file"
    );
    drop(again);
    let incremental = json(&mut plan, &options);

    // The same plan checked from scratch gives the same report.
    let mut fresh = Plan::new(&setup);
    fresh.add_all(others.into_iter().chain([edited]).map(Ok).collect());
    assert_eq!(json(&mut fresh, &options), incremental);

    // Taking the edit back takes the finding away.
    plan.add(wijk[0].clone());
    assert_eq!(json(&mut plan, &options), first);
}

#[test]
fn the_day_and_the_language_are_arguments_of_a_check() {
    let setup = setup(Lang::Nl);
    let draft = "### Actie HA-01: Flexpool\n\n\
        <!-- kader: negeer actie-eigenaar \"Wordt in de zomer belegd\" tot 2026-09-01 -->\n";
    let mut plan = Plan::new(&setup);
    plan.add(Input::draft("team.md", draft));
    let waived = |plan: &mut Plan, options: &Options| {
        let checked = plan.check(options);
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.rule == "actie-eigenaar")
            .expect("the finding");
        (d.waived.is_some(), d.message.clone())
    };
    let before = Options {
        today: day(2026, 8, 31),
        lang: Lang::Nl,
    };
    let after = Options {
        today: day(2026, 9, 2),
        ..before
    };
    assert!(waived(&mut plan, &before).0, "the waiver holds until its day");
    assert!(!waived(&mut plan, &after).0, "after it the finding is back");
    let (_, dutch) = waived(&mut plan, &before);
    let (_, english) = waived(
        &mut plan,
        &Options {
            lang: Lang::En,
            ..before
        },
    );
    assert_eq!(dutch, "Actie HA-01 'Flexpool' heeft geen eigenaar");
    assert_eq!(english, "Action HA-01 'Flexpool' has no owner");

    // Two checks at once, each in its own language, on threads of their own.
    let in_lang = |lang: Lang| {
        let setup = &setup;
        move || {
            let mut plan = Plan::new(setup);
            plan.add_all(plan_inputs().into_iter().map(Ok).collect());
            let options = Options {
                today: day(2026, 9, 1),
                lang,
            };
            let checked = plan.check(&options);
            checked
                .diagnostics
                .iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
        }
    };
    let (nl, en) = std::thread::scope(|s| {
        let nl = s.spawn(in_lang(Lang::Nl));
        let en = s.spawn(in_lang(Lang::En));
        (nl.join().expect("Dutch"), en.join().expect("English"))
    });
    assert_eq!(nl.len(), en.len());
    assert!(nl.iter().any(|m| m.contains("verwijst naar WK.WGW.3")), "{nl:#?}");
    assert!(en.iter().any(|m| m.contains("links to WK.WGW.3")), "{en:#?}");
    assert!(!en.iter().any(|m| m.contains("verwijst naar")), "{en:#?}");
}

#[test]
fn rule_files_and_drafts_can_come_from_memory() {
    let path = "rules/jaarplan-2026-2027.kader";
    let bundled = Bundled
        .read(Path::new(path), kader::InputKind::RuleFile)
        .expect("bundled");
    let bundled = String::from_utf8(bundled).expect("UTF-8");
    // An editor's unsaved change to the rule file, over the registers on disk.
    let changed = bundled.replace(
        "melding \"Actie {actie} '{titel}' heeft geen eigenaar\"",
        "melding \"Wie trekt {actie}?\"",
    );
    assert_ne!(changed, bundled);
    let mut memory = Overlay::new(&Disk);
    memory.insert(path, changed);
    let setup = Setup::load(&memory, None, Some(Path::new(path)), Some(Lang::Nl)).unwrap_or_else(|e| {
        panic!(
            "{:?}",
            e.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>()
        )
    });
    let mut plan = Plan::new(&setup);
    plan.add(Input::draft("nieuw.md", "### Actie HA-01: Flexpool\n"));
    let options = on_1_september(setup.lang);
    let checked = plan.check(&options);
    assert!(
        checked.diagnostics.iter().any(|d| d.message == "Wie trekt HA-01?"),
        "{:#?}",
        checked.diagnostics
    );

    // A broken rule file in memory stops the setup, at its place in that file.
    memory.insert(path, "regel kapot {");
    let Err(e) = Setup::load(&memory, None, Some(Path::new(path)), Some(Lang::Nl)) else {
        panic!("a broken rule file is not used");
    };
    assert_eq!(e.stage, Stage::Rules);
    let d = &e.diagnostics[0];
    let at = d.primary.as_ref().expect("a place");
    assert_eq!(e.sources.get(at.source).name, path);
}

#[test]
fn an_unreadable_draft_is_a_problem_until_it_is_readable() {
    let setup = setup(Lang::Nl);
    let options = on_1_september(Lang::Nl);
    let mut plan = Plan::new(&setup);
    plan.add(Input::draft("team.md", b"### Actie HA-01: Flex\n\xff\n".to_vec()));
    {
        let checked = plan.check(&options);
        assert!(checked.input_failed());
        assert_eq!(checked.problems.len(), 1);
        assert_eq!(checked.problems[0].place(), "team.md:2:1");
        assert_eq!(checked.problems[0].kind.code(), "geen-utf8");
        assert_eq!(checked.files(), 0);
    }
    plan.add(Input::draft("team.md", "### Actie HA-01: Flex\n"));
    let checked = plan.check(&options);
    assert!(!checked.input_failed());
    assert_eq!((checked.files(), checked.actions()), (1, 1));
    drop(checked);
    assert!(plan.remove("team.md"));
    assert_eq!(plan.check(&options).files(), 0);
    assert!(
        rules_of(&mut plan, &options).is_empty(),
        "an empty plan has nothing to cover"
    );
}
