//! Hostile input: one test per class. Each asserts a clear message naming the file (and the
//! position where there is one), the right exit code, that the other files are still
//! checked, and no panic.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Run, TempDir, kader_in};

/// A draft that is fine apart from coverage, so its findings are predictable.
const GOOD: &str = "### Actie HA-01: Regionale flexpool verkennen

- **Eigenaar:** Team HRM
- **Beleidslijn:** HA.ARB.2
- **Tijdpad:** Q1 2026 – Q4 2027
- **Inzet:** 0,4 fte HR-adviseur; € 25.000
- **Beoogd resultaat:** eind 2027 zijn 15 doktersassistenten via de flexpool inzetbaar
- **IEP:** Inwoners merken dat hun huisartsenpraktijk ook bij ziekte of vakantie van medewerkers open en bereikbaar blijft.
";

/// A draft with exactly one error: no owner.
const NO_OWNER: &str = "### Actie HA-02: Zonder eigenaar

- **Beleidslijn:** HA.TOE.1
- **Tijdpad:** 2026
- **Inzet:** 0,2 fte
- **Beoogd resultaat:** 30 praktijken doen mee
- **IEP:** Inwoners krijgen ook in de vakantie hun eigen praktijk aan de lijn, die in hun dossier kan kijken en hen helpt.
";

fn no_panic(run: &Run) {
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_ne!(run.code, 101, "{}", run.stderr);
}

/// Run `kader check` with the per-rule rules (no plan-wide coverage noise) in `dir`.
fn check(dir: &Path, args: &[&str]) -> Run {
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rule-files/valid/per-regel.kader");
    let mut all = vec!["check", "--rules", rules];
    all.extend_from_slice(args);
    let run = kader_in(dir, &all);
    no_panic(&run);
    run
}

/// The other, valid file was checked: its one finding is in the report.
fn other_file_checked(run: &Run) {
    assert!(
        run.stdout.contains("Actie HA-02 'Zonder eigenaar' heeft geen eigenaar"),
        "{}",
        run.stdout
    );
}

fn dir_with_other(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    std::fs::write(dir.path().join("b-ander-team.md"), NO_OWNER).unwrap();
    dir
}

#[test]
fn windows_1252_draft() {
    let dir = dir_with_other("cp1252");
    std::fs::write(dir.path().join("a.md"), b"# Plan\n\nCaf\xe9 en co\xf6peratie\n").unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("fout: a.md:3:4: is geen UTF-8"), "{}", run.stdout);
    assert!(run.stdout.contains("Sla het bestand op als UTF-8"), "{}", run.stdout);
    other_file_checked(&run);
}

#[test]
fn binary_file_with_a_md_name_and_a_nul_byte() {
    let dir = dir_with_other("binary");
    std::fs::write(dir.path().join("a-plaatje.md"), [0x89, b'P', b'N', b'G', 0, 0, 1, 2]).unwrap();
    std::fs::write(dir.path().join("a-nul.md"), "# Plan\n\nTekst\0met een NUL\n").unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout
            .contains("a-plaatje.md:1:5: is geen tekstbestand (bevat NUL-bytes)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("a-nul.md:3:6: is geen tekstbestand"),
        "{}",
        run.stdout
    );
    other_file_checked(&run);
}

#[test]
fn empty_only_front_matter_only_whitespace() {
    let dir = dir_with_other("empty");
    std::fs::write(dir.path().join("a-leeg.md"), "").unwrap();
    std::fs::write(dir.path().join("a-voorwerk.md"), "+++\nteam = \"Wijk\"\n+++\n").unwrap();
    std::fs::write(dir.path().join("a-wit.md"), " \n\t\n\r\n   ").unwrap();
    let run = check(dir.path(), &["--format", "json", "."]);
    assert_eq!(run.code, 1, "only the other file's error");
    let json = run.json();
    assert_eq!(json["summary"]["files"], 4);
    assert_eq!(json["summary"]["actions"], 1);
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
}

#[test]
fn a_50_mb_draft() {
    let dir = dir_with_other("big");
    let mut text = String::with_capacity(51 << 20);
    let mut i = 0;
    while text.len() < 50 << 20 {
        i += 1;
        text.push_str(&GOOD.replace("HA-01", &format!("GR-{i:06}")));
        text.push_str("\nEen alinea met gewone tekst over de plannen van het team, om het bestand te vullen.\n\n");
    }
    std::fs::write(dir.path().join("a-groot.md"), &text).unwrap();
    let run = check(dir.path(), &["--format", "json", "."]);
    assert_eq!(run.code, 1);
    let json = run.json();
    assert_eq!(json["summary"]["actions"].as_u64(), Some(i + 1));
    assert_eq!(
        json["diagnostics"].as_array().unwrap().len(),
        1,
        "only the other file's error"
    );
}

#[test]
fn a_single_5_mb_line_is_not_printed_whole() {
    let dir = dir_with_other("longline");
    let line = "a".repeat(5 << 20);
    let text = GOOD
        .replace("- **IEP:** Inwoners", &format!("- **IEP:** {line} Inwoners"))
        .replace("HA-01", "LL-01");
    let text = text.replace("Inwoners merken dat hun huisartsenpraktijk ook bij ziekte of vakantie van medewerkers open en bereikbaar blijft.", "");
    std::fs::write(dir.path().join("a-lang.md"), text).unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("a-lang.md:8:12"), "the finding names the place");
    assert!(
        run.stdout.contains("de regel is te lang om te tonen"),
        "{}",
        &run.stdout[..run.stdout.len().min(2000)]
    );
    assert!(
        run.stdout.len() < 20_000,
        "the 5 MB line is not printed ({} bytes)",
        run.stdout.len()
    );
    other_file_checked(&run);
}

#[test]
fn ten_thousand_actions_in_one_file() {
    let dir = dir_with_other("many");
    let text: String = (0..10_000)
        .map(|i| GOOD.replace("HA-01", &format!("V-{i:05}")) + "\n")
        .collect();
    std::fs::write(dir.path().join("a-veel.md"), text).unwrap();
    let run = check(dir.path(), &["--format", "json", "."]);
    assert_eq!(run.code, 1);
    let json = run.json();
    assert_eq!(json["summary"]["actions"], 10_001);
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let dir = dir_with_other("deep");
    let lists: String = (0..10_000)
        .map(|i| format!("{}- niveau {i}\n", "  ".repeat(i)))
        .collect();
    let quotes = format!("{}diep\n", "> ".repeat(10_000));
    let in_action = format!(
        "{}\n- **Tijdpad:**\n{}",
        GOOD.replace("HA-01", "DP-01"),
        (0..10_000)
            .map(|i| format!("{}- Q1 2026: stap {i}\n", "  ".repeat(i + 1)))
            .collect::<String>()
    );
    std::fs::write(dir.path().join("a-lijsten.md"), lists).unwrap();
    std::fs::write(dir.path().join("a-citaten.md"), quotes).unwrap();
    std::fs::write(dir.path().join("a-actie.md"), in_action).unwrap();
    let run = check(dir.path(), &["."]);
    assert_eq!(run.code, 1);
    other_file_checked(&run);
}

#[test]
fn an_unreadable_file() {
    let dir = dir_with_other("unreadable");
    let secret = dir.path().join("a-geheim.md");
    std::fs::write(&secret, GOOD).unwrap();
    let mut perms = std::fs::metadata(&secret).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&secret, perms).unwrap();
    // root reads anything: run as `nobody` then.
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rule-files/valid/per-regel.kader");
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_kader"),
        ]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_kader"))
    };
    let out = cmd
        .args(["check", "--rules", rules, "."])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let run = Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code().unwrap_or(-1),
    };
    no_panic(&run);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout.contains("fout: a-geheim.md: geen leesrechten"),
        "{}",
        run.stdout
    );
    other_file_checked(&run);
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = dir_with_other("missing");
    let run = check(dir.path(), &["bestaat-niet.md", "b-ander-team.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("fout: bestaat-niet.md: bestaat niet"),
        "{}",
        run.stdout
    );
    other_file_checked(&run);
}

#[test]
fn a_directory_symlink_loop() {
    let dir = dir_with_other("loop");
    std::fs::create_dir(dir.path().join("team")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("team/terug")).unwrap();
    std::fs::write(dir.path().join("team/c.md"), GOOD.replace("HA-01", "LP-01")).unwrap();
    let run = check(dir.path(), &["--format", "json", "."]);
    assert!(
        run.stderr
            .contains("waarschuwing: team/terug: koppeling naar een bovenliggende map"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1, "a skipped loop is a warning, not a failure");
    assert_eq!(run.json()["summary"]["files"], 2, "every real file once");
}

#[test]
fn a_broken_symlink() {
    let dir = dir_with_other("broken");
    std::os::unix::fs::symlink("weg.md", dir.path().join("a-kapot.md")).unwrap();
    let run = check(dir.path(), &["."]);
    assert!(
        run.stdout.contains("waarschuwing: a-kapot.md: kapotte koppeling"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
    other_file_checked(&run);
    // Named on the command line, a broken link is a path kader cannot use.
    let run = check(dir.path(), &["a-kapot.md", "b-ander-team.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("a-kapot.md: verwijst naar iets dat niet bestaat"),
        "{}",
        run.stdout
    );
    other_file_checked(&run);
}

#[test]
fn a_pathological_regex_against_a_long_line_completes() {
    let dir = dir_with_other("regex");
    let rules = dir.path().join("regels.kader");
    let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/jaarplan-2026-2027.kader");
    std::fs::write(
        &rules,
        format!("gebruik \"{bundled}\"\nregel beleid-dekking is uit\nregel traag fout {{\n  eis niet iep matcht /(a+)+$/\n  melding \"x\"\n}}\n"),
    )
    .unwrap();
    let line = format!("{}!", "a".repeat(5 << 20));
    std::fs::write(
        dir.path().join("a-regex.md"),
        GOOD.replace("- **IEP:** ", &format!("- **IEP:** {line} "))
            .replace("HA-01", "RX-01"),
    )
    .unwrap();
    let run = kader_in(dir.path(), &["check", "--rules", rules.to_str().unwrap(), "."]);
    no_panic(&run);
    // A backtracking engine would never finish `(a+)+$` on 5 MB of `a` followed by `!`.
    assert_eq!(run.code, 1);
    other_file_checked(&run);
}

#[test]
fn a_special_file_is_named_and_never_read() {
    let dir = dir_with_other("special");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("a.md")).unwrap();
    // Named on the command line: exit 2 with a clear message, the other file still checked.
    let run = check(dir.path(), &["a.md", "b-ander-team.md"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout.contains("fout: a.md: is geen gewoon bestand"),
        "{}",
        run.stdout
    );
    other_file_checked(&run);
    // Met while walking a folder: a pipe named like a draft is the same error, and the link
    // to /dev/zero leads outside the folder, so it is skipped with a warning.
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.path().join("c.md"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let run = check(dir.path(), &["--format", "json", "."]);
    assert_eq!(run.code, 2);
    let v = run.json();
    let kinds: Vec<(&str, &str)> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["file"].as_str().unwrap(), p["kind"].as_str().unwrap()))
        .collect();
    assert!(kinds.contains(&("c.md", "geen-gewoon-bestand")), "{kinds:?}");
    assert!(kinds.contains(&("a.md", "koppeling-naar-buiten")), "{kinds:?}");
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn nothing_to_check_is_said_and_is_exit_2() {
    let dir = TempDir::new("empty-plan");
    std::fs::create_dir(dir.path().join("leeg")).unwrap();
    std::fs::write(dir.path().join("leeg/notities.txt"), "geen Markdown").unwrap();
    let run = kader_in(dir.path(), &["check", "leeg"]);
    no_panic(&run);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("fout: leeg: geen concepten gevonden (*.md), dus niets gecontroleerd"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("beleid-dekking"),
        "no coverage warnings for an empty plan: {}",
        run.stdout
    );
    // The summary, then (from the kaderbrief) the deadline line.
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("0 bestanden, 0 acties: 1 probleem")),
        "{}",
        run.stdout
    );
    let special = TempDir::new("only-special");
    std::os::unix::fs::symlink("/dev/zero", special.path().join("a.md")).unwrap();
    let run = kader_in(special.path(), &["check", "a.md"]);
    assert_eq!(run.code, 2);
    assert!(!run.stdout.contains("beleid-dekking"), "{}", run.stdout);
}

#[test]
fn a_register_whose_parents_form_a_loop_is_an_error_at_the_node() {
    let dir = TempDir::new("parent-loop");
    std::fs::write(
        dir.path().join("team.md"),
        "### Actie HA-01: Flexpool\n\n- **Beleidslijn:** HA.X\n",
    )
    .unwrap();
    let rules = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/rule-files/invalid/register-ouder-kring.kader"
    );
    for command in ["check", "coverage", "report"] {
        let run = common::kader_within(dir.path(), 60, &[command, "--rules", rules, "team.md"])
            .unwrap_or_else(|| panic!("kader {command} did not end"));
        no_panic(&run);
        assert_eq!(run.code, 2, "{command}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("de ouders in het register vormen een kring: HA.X → HA.Y → HA.X"),
            "{command}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("`HA.Z` noemt zichzelf als ouder"), "{}", run.stderr);
        assert!(run.stderr.contains("ouder is zichzelf"), "{}", run.stderr);
    }
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

#[test]
fn only_regular_files_are_read_whatever_names_them() {
    let dir = dir_with_other("special-inputs");
    let d = dir.path();
    mkfifo(&d.join("pijp.kader"));
    mkfifo(&d.join("pijp.toml"));
    // A rule file that includes a device, one whose register is a pipe.
    std::fs::write(
        d.join("gebruikt-nul.kader"),
        "plan \"Test\" {\n  periode 2026-01-01 t/m 2027-12-31\n}\ngebruik \"/dev/zero\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("register-pijp.kader"),
        "plan \"Test\" {\n  periode 2026-01-01 t/m 2027-12-31\n  register beleid = \"pijp.toml\"\n}\n",
    )
    .unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", "--rules", "pijp.kader", "b-ander-team.md"],
        vec!["check", "--rules", "/dev/zero", "b-ander-team.md"],
        vec!["check", "--rules", "gebruikt-nul.kader", "b-ander-team.md"],
        vec!["check", "--rules", "register-pijp.kader", "b-ander-team.md"],
        vec!["--config", "/dev/zero", "check", "b-ander-team.md"],
        vec!["--config", "pijp.toml", "check", "b-ander-team.md"],
        vec!["check", "--baseline", "/dev/zero", "b-ander-team.md"],
        vec!["check", "--baseline", "pijp.toml", "b-ander-team.md"],
    ];
    for args in cases {
        let (run, peak_kib) =
            common::kader_within_measured(d, 60, &args).unwrap_or_else(|| panic!("{args:?} did not end"));
        assert!(peak_kib < 200 * 1024, "{args:?}: {peak_kib} KiB resident");
        no_panic(&run);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("is geen gewoon bestand (een apparaat, pijp of socket)"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn the_time_zone_never_comes_from_the_working_folder() {
    let dir = dir_with_other("tz");
    std::fs::create_dir(dir.path().join("Europe")).unwrap();
    // Reading ./Europe/Amsterdam would block on the pipe.
    mkfifo(&dir.path().join("Europe/Amsterdam"));
    let run = common::kader_within_env(
        dir.path(),
        60,
        &[("TZ", "Europe/Amsterdam")],
        &["check", "b-ander-team.md"],
    );
    assert_eq!(
        run.map(|(r, _)| r.code),
        Some(1),
        "kader read the time zone from the working folder"
    );
}

#[test]
fn settings_and_rules_larger_than_16_mb_are_refused() {
    let dir = dir_with_other("too-large");
    for name in ["groot.kader", "kader.toml"] {
        let f = std::fs::File::create(dir.path().join(name)).unwrap();
        f.set_len(17 << 20).unwrap();
    }
    let run = common::kader_within(dir.path(), 60, &["check", "--rules", "groot.kader", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is groter dan 16 MB"), "{}", run.stderr);
    let run = common::kader_within(dir.path(), 60, &["check", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("kader.toml") && run.stderr.contains("is groter dan 16 MB"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_full_disk_is_exit_2_with_a_message_for_every_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = "fixtures/jaarplan-2026-2027";
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", plan],
        vec!["check", "--format", "json", plan],
        vec!["check", "--format", "sarif", plan],
        vec!["coverage", plan],
        vec!["report", plan],
        vec!["rules"],
        vec!["explain", "actie-eigenaar"],
        vec!["test"],
        vec!["completions", "bash"],
        vec!["manpage"],
    ];
    for args in commands {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kader"))
            .args(&args)
            .current_dir(root)
            .env("NO_COLOR", "1")
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("kan de uitvoer niet schrijven"), "{args:?}: {stderr}");
    }
}

#[test]
fn absurd_job_counts_are_bounded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = "fixtures/jaarplan-2026-2027";
    let one = common::kader_within(root, 60, &["--jobs", "1", "check", plan]).unwrap();
    let (many, peak_kib) =
        common::kader_within_measured(root, 60, &["--jobs", "10000", "check", plan]).expect("--jobs 10000 ends");
    assert!(peak_kib < 200 * 1024, "{peak_kib} KiB resident (1.7 GB before)");
    assert_eq!((many.code, &many.stdout), (one.code, &one.stdout));
    let zero = common::kader_within(root, 60, &["--jobs", "0", "check", plan]).expect("--jobs 0 ends");
    assert_eq!(zero.stdout, one.stdout);
}

/// A plan with the test fields (`eigenaar`, `beleidslijn`, `iep`) and the bundled beleidsplan.
fn rule_head(parts: &Path) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    format!(
        "plan \"Test\" {{\n  periode 2026-01-01 t/m 2027-12-31\n  register beleid = \"{root}/rules/beleidsplan-2026-2027.toml\"\n}}\ngebruik \"{}\"\n",
        parts.display()
    )
}

#[test]
fn each_rule_file_is_read_once_and_a_diamond_is_legal() {
    let dir = dir_with_other("include-once");
    let d = dir.path();
    let parts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rule-files/parts/velden.kader");
    // A diamond: hoofd includes b and c, both include d, which holds the one rule.
    std::fs::write(
        d.join("hoofd.kader"),
        rule_head(&parts) + "gebruik \"b.kader\"\ngebruik \"c.kader\"\n",
    )
    .unwrap();
    std::fs::write(d.join("b.kader"), "gebruik \"d.kader\"\n").unwrap();
    std::fs::write(d.join("c.kader"), "gebruik \"d.kader\"\n").unwrap();
    std::fs::write(
        d.join("d.kader"),
        "regel eigenaar-ingevuld fout {\n  eis eigenaar ingevuld\n  melding \"Actie {actie} heeft geen eigenaar\"\n}\n",
    )
    .unwrap();
    let run = common::kader_within(d, 60, &["check", "--rules", "hoofd.kader", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 1, "a diamond is legal: {}", run.stderr);
    assert!(run.stdout.contains("Actie HA-02 heeft geen eigenaar"), "{}", run.stdout);
    // Twenty files, each including the next twice: the last (with an error) is read once,
    // so its error is said once (it was 2^20 reads, 12–16 s and 790 MB).
    std::fs::write(
        d.join("k0.kader"),
        rule_head(&parts) + "gebruik \"k1.kader\"\ngebruik \"k1.kader\"\n",
    )
    .unwrap();
    for i in 1..20 {
        std::fs::write(
            d.join(format!("k{i}.kader")),
            format!("gebruik \"k{0}.kader\"\ngebruik \"k{0}.kader\"\n", i + 1),
        )
        .unwrap();
    }
    std::fs::write(d.join("k20.kader"), "regel kapot fout {\n").unwrap();
    let (run, peak_kib) =
        common::kader_within_measured(d, 60, &["check", "--rules", "k0.kader", "b-ander-team.md"]).expect("ends");
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.matches("k20.kader:").count(), 1, "{}", run.stderr);
    assert!(peak_kib < 200 * 1024, "{peak_kib} KiB resident (790 MB before)");
}

#[test]
fn long_operand_chains_and_include_chains_need_no_deep_stack() {
    let dir = dir_with_other("deep-rules");
    let d = dir.path();
    let parts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rule-files/parts/velden.kader");
    // One requirement of 10,000 alternatives, and one of 10,000 operands.
    let or: Vec<&str> = std::iter::repeat_n("eigenaar ingevuld", 10_000).collect();
    let and: Vec<&str> = std::iter::repeat_n("iep ingevuld", 10_000).collect();
    std::fs::write(
        d.join("lang.kader"),
        rule_head(&parts)
            + &format!(
                "regel veel-of fout {{\n  eis {}\n  melding \"of\"\n}}\nregel veel-en fout {{\n  eis {}\n  melding \"en\"\n}}\n",
                or.join(" of "),
                and.join(" en ")
            ),
    )
    .unwrap();
    let run = common::kader_within(d, 60, &["check", "--rules", "lang.kader", "b-ander-team.md"]).expect("ends");
    no_panic(&run);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.matches("[veel-of] fout").count(), 1, "{}", run.stdout);
    // The draft has an IEP: all 10,000 operands hold.
    assert_eq!(run.stdout.matches("[veel-en] fout").count(), 0, "{}", run.stdout);
    // An include chain of 8,000 files.
    std::fs::write(d.join("i0.kader"), rule_head(&parts) + "gebruik \"i1.kader\"\n").unwrap();
    for i in 1..8000 {
        std::fs::write(d.join(format!("i{i}.kader")), format!("gebruik \"i{}.kader\"\n", i + 1)).unwrap();
    }
    std::fs::write(
        d.join("i8000.kader"),
        "regel eigenaar-ingevuld fout {\n  eis eigenaar ingevuld\n  melding \"Actie {actie} heeft geen eigenaar\"\n}\n",
    )
    .unwrap();
    let run = common::kader_within(d, 60, &["check", "--rules", "i0.kader", "b-ander-team.md"]).expect("ends");
    no_panic(&run);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("Actie HA-02 heeft geen eigenaar"), "{}", run.stdout);
}

#[test]
fn links_that_fan_out_or_lead_outside_do_not_blow_up_the_walk() {
    let dir = dir_with_other("fan-out");
    let d = dir.path();
    // Twenty levels, each with two links to the next: 2^20 paths, 21 real folders.
    for i in 0..=20 {
        std::fs::create_dir_all(d.join(format!("d/{i}"))).unwrap();
        std::fs::write(
            d.join(format!("d/{i}/team-{i}.md")),
            format!("### Actie FO-{i:02}: Laag {i}\n"),
        )
        .unwrap();
    }
    for i in 0..20 {
        for name in ["a", "b"] {
            std::os::unix::fs::symlink(format!("../{}", i + 1), d.join(format!("d/{i}/{name}"))).unwrap();
        }
    }
    // And links out of the plan: the process's own /proc entry, and /sys.
    std::os::unix::fs::symlink("/proc/self", d.join("zelf")).unwrap();
    std::os::unix::fs::symlink("/sys/class", d.join("klassen")).unwrap();
    let run = common::kader_within(d, 60, &["check", "--format", "json", "."]).expect("the walk ends");
    no_panic(&run);
    let v = run.json();
    assert_eq!(v["summary"]["files"], 22, "each real draft once: {}", run.stderr);
    let problems = v["problems"].as_array().unwrap();
    let outside: Vec<&str> = problems
        .iter()
        .filter(|p| p["kind"] == "koppeling-naar-buiten")
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(outside, ["klassen", "zelf"], "{problems:?}");
    assert!(problems.iter().all(|p| p["severity"] == "warning"), "{problems:?}");
    let outside = problems.iter().filter(|p| p["kind"] == "koppeling-naar-buiten");
    assert!(
        outside.clone().count() == 2
            && outside
                .into_iter()
                .all(|p| p["help"].as_str().is_some_and(|h| h.contains("paden"))),
        "the warning says how to include the folder: {problems:?}"
    );
    assert_eq!(run.code, 1, "skipped links are warnings: {}", run.stderr);
}

#[test]
fn output_to_devices_pipes_and_links_never_replaces_them() {
    use std::os::unix::fs::FileTypeExt;
    let dir = dir_with_other("output-special");
    let d = dir.path();
    // As root, a rename over /dev/null would replace the device with a file.
    let run = common::kader_within(d, 60, &["check", "-o", "/dev/null", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // /dev/stdout is a link to the process's standard output: the report arrives there.
    let run = common::kader_within(d, 60, &["check", "-o", "/dev/stdout", "b-ander-team.md"]).unwrap();
    assert!(
        run.stdout.contains("Actie HA-02 'Zonder eigenaar' heeft geen eigenaar"),
        "{}",
        run.stdout
    );
    // A pipe is written to, not replaced.
    mkfifo(&d.join("rapport.pijp"));
    let reader = {
        let path = d.join("rapport.pijp");
        std::thread::spawn(move || std::fs::read_to_string(path).unwrap())
    };
    let run = common::kader_within(d, 60, &["check", "-o", "rapport.pijp", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(reader.join().unwrap().contains("Zonder eigenaar"));
    assert!(std::fs::metadata(d.join("rapport.pijp")).unwrap().file_type().is_fifo());
    // A link to a file: the file is replaced, the link stays a link.
    std::fs::write(d.join("echt.txt"), "oud").unwrap();
    std::os::unix::fs::symlink("echt.txt", d.join("rapport.txt")).unwrap();
    let run = common::kader_within(d, 60, &["check", "-o", "rapport.txt", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        std::fs::symlink_metadata(d.join("rapport.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(d.join("echt.txt"))
            .unwrap()
            .contains("Zonder eigenaar")
    );
    // A long name (245 characters) still gets a temporary file beside it.
    let long = format!("{}.txt", "r".repeat(241));
    let run = common::kader_within(d, 60, &["check", "-o", &long, "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(d.join(&long))
            .unwrap()
            .contains("Zonder eigenaar")
    );
}

#[test]
fn a_waiver_written_over_two_lines_is_honoured() {
    let dir = TempDir::new("waiver-lines");
    for (name, waiver) in [
        (
            "a-alinea.md",
            "Zie hieronder. <!-- kader: negeer actie-eigenaar\n\"Wordt in de zomer belegd\" -->",
        ),
        (
            "b-blok.md",
            "<!-- kader: negeer actie-eigenaar\n     \"Wordt in de zomer belegd\"\n-->",
        ),
        (
            "c-lijst.md",
            "- **Beleidslijn:** HA.TOE.1 <!-- kader: negeer\n  actie-eigenaar \"Wordt in de zomer belegd\" -->",
        ),
    ] {
        std::fs::write(
            dir.path().join(name),
            NO_OWNER
                .replace("HA-02", &format!("HA-0{}", name.len()))
                .replace("- **Beleidslijn:** HA.TOE.1\n", "")
                + "\n"
                + waiver
                + "\n",
        )
        .unwrap();
        let run = check(dir.path(), &["--format", "json", name]);
        let v = run.json();
        let owner: Vec<&serde_json::Value> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "actie-eigenaar")
            .collect();
        assert_eq!(owner.len(), 1, "{name}: {}", run.stdout);
        assert!(
            owner[0]["waived"]["reason"] == "Wordt in de zomer belegd",
            "{name}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_kader_comment_that_is_no_waiver_is_reported() {
    let dir = TempDir::new("waiver-misspelt");
    std::fs::write(
        dir.path().join("a.md"),
        NO_OWNER.to_owned() + "\n<!-- kader: negeeer actie-eigenaar \"Wordt belegd\" -->\n",
    )
    .unwrap();
    let run = check(dir.path(), &["a.md"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("[waiver-reden] fout: Deze uitzondering wordt niet toegepast"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("deze uitzondering noemt geen regel"),
        "{}",
        run.stdout
    );
}

#[test]
fn small_things_are_clear_errors() {
    let dir = dir_with_other("small-things");
    let d = dir.path();
    // A day kader cannot read is not silently today.
    let (run, _) =
        common::kader_within_env(d, 60, &[("KADER_TODAY", "1 september")], &["check", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("KADER_TODAY is geen datum: `1 september`"),
        "{}",
        run.stderr
    );
    // The system's own files are never read as rule files (nor shown in a snippet).
    std::fs::write(
        d.join("omgeving.kader"),
        "plan \"Test\" {\n  periode 2026-01-01 t/m 2027-12-31\n}\ngebruik \"/proc/self/environ\"\n",
    )
    .unwrap();
    let run = common::kader_within(d, 60, &["check", "--rules", "omgeving.kader", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is een bestand van het systeem"), "{}", run.stderr);
    assert!(!run.stderr.contains("PATH="), "{}", run.stderr);
    // Register IDs a draft could never name.
    let reg = d.join("register.toml");
    std::fs::write(
        &reg,
        "id = \"t\"\ntitel = \"T\"\nniveaus = [\"lijn\"]\n\n[[node]]\nid = \"\"\nniveau = \"lijn\"\ntitel = \"Leeg\"\n\n[[node]]\nid = \"A, B\"\nniveau = \"lijn\"\ntitel = \"Twee\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("reg.kader"),
        format!(
            "plan \"Test\" {{\n  periode 2026-01-01 t/m 2027-12-31\n  register beleid = \"{}\"\n}}\n",
            reg.display()
        ),
    )
    .unwrap();
    let run = common::kader_within(d, 60, &["check", "--rules", "reg.kader", "b-ander-team.md"]).unwrap();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("ID `` is geen bruikbaar ID"), "{}", run.stderr);
    assert!(run.stderr.contains("ID `A, B` is geen bruikbaar ID"), "{}", run.stderr);
    // A waiver with a date kader cannot read is reported once (by waiver-reden), not also as
    // unused.
    std::fs::write(
        d.join("a.md"),
        NO_OWNER.replace("HA-02", "HA-03") + "\n<!-- kader: negeer actie-eigenaar \"Volgt\" tot ooit -->\n",
    )
    .unwrap();
    let run = kader_in(d, &["check", "a.md"]);
    assert_eq!(run.stdout.matches("[waiver-reden]").count(), 1, "{}", run.stdout);
    assert_eq!(run.stdout.matches("[waiver-ongebruikt]").count(), 0, "{}", run.stdout);
    // Baseline counts that add up past the largest number do not wrap around to 1.
    std::fs::write(
        d.join("kader-baseline.toml"),
        "[[bevinding]]\nbestand = \"b-ander-team.md\"\nactie = \"HA-02\"\nregel = \"actie-eigenaar\"\naantal = 9223372036854775807\n\n[[bevinding]]\nbestand = \"b-ander-team.md\"\nactie = \"HA-02\"\nregel = \"actie-eigenaar\"\naantal = 9223372036854775807\n\n[[bevinding]]\nbestand = \"b-ander-team.md\"\nactie = \"HA-02\"\nregel = \"actie-eigenaar\"\naantal = 2\n",
    )
    .unwrap();
    let run = kader_in(d, &["check", "--format", "json", "b-ander-team.md"]);
    let v = run.json();
    assert_eq!(v["baseline"]["suppressed"], 1, "{}", run.stdout);
    assert_eq!(run.code, 0, "the baselined finding stays hidden: {}", run.stdout);
}

#[test]
fn control_characters_from_inputs_never_reach_the_terminal_or_a_ci_log_raw() {
    let dir = TempDir::new("escapes");
    let d = dir.path();
    // A title that would set the clipboard and clear the screen.
    std::fs::write(
        d.join("a.md"),
        "### Actie HA-01: Flex\u{1b}]52;c;Z2VoZWlt\u{7}\u{1b}[2J\n",
    )
    .unwrap();
    // A file name that would start a workflow command of its own in a CI log.
    let sneaky = "b\n::error file=x::boom\n.md";
    std::fs::write(d.join(sneaky), "### Actie HA-02: Zonder velden\n").unwrap();
    for color in ["always", "never"] {
        let run = check(d, &["--color", color, "."]);
        for bad in ["\u{1b}]52", "\u{1b}[2J", "\u{7}"] {
            assert!(
                !run.stdout.contains(bad),
                "--color {color}: {bad:?} came through:\n{}",
                run.stdout
            );
        }
        assert!(
            run.stdout.contains("Flex\u{241b}]52;c;Z2VoZWlt\u{2407}\u{241b}[2J"),
            "{}",
            run.stdout
        );
        assert!(
            !run.stdout
                .lines()
                .chain(run.stderr.lines())
                .any(|l| l.starts_with("::")),
            "a line of output starts a workflow command:\n{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("b\u{240a}::error file=x::boom\u{240a}.md"),
            "{}",
            run.stdout
        );
    }
    for format in ["junit", "github"] {
        let run = check(d, &["--format", format, "."]);
        let ours =
            |l: &&str| format == "github" && (l.starts_with("::error file=") || l.starts_with("::warning file="));
        for line in run.stdout.lines().filter(|l| !ours(l)) {
            assert!(!line.starts_with("::"), "{format}: {line}");
        }
        assert!(!run.stdout.contains("\u{1b}"), "{format}: {}", run.stdout);
        if format == "github" {
            // Every line is one of kader's own commands, with the name escaped.
            assert!(run.stdout.lines().all(|l| ours(&l)), "{}", run.stdout);
            assert!(
                run.stdout.contains("/b%0A%3A%3Aerror file=x%3A%3Aboom%0A.md,line=1"),
                "{}",
                run.stdout
            );
        }
    }
}

#[test]
fn a_huge_title_is_not_repeated_whole() {
    let dir = TempDir::new("huge-title");
    let size = |title_mb: usize| {
        let title = "Flexpool ".repeat(title_mb * 1024 * 1024 / 9);
        std::fs::write(dir.path().join("a.md"), format!("### Actie HA-01: {title}\n")).unwrap();
        let run = common::kader_within(dir.path(), 120, &["check", "--format", "json", "a.md"]).expect("ends");
        let human = common::kader_within(dir.path(), 120, &["check", "a.md"]).expect("ends");
        assert_eq!(human.code, 1);
        (run.stdout.len(), human.stdout.len())
    };
    let (json_1, human_1) = size(1);
    let (json_5, human_5) = size(5);
    // Six findings each repeat the title: 31 MB of output before.
    assert!(human_5 < 20_000, "{human_5} bytes of human output");
    assert_eq!(human_1, human_5, "the output does not grow with the title");
    assert_eq!(json_1, json_5, "nor does JSON's");
}

#[test]
fn coverage_of_a_very_deep_register_is_linear_in_its_depth() {
    let dir = TempDir::new("deep-register");
    let d = dir.path();
    std::fs::write(d.join("a.md"), "### Actie HA-01: Diep\n\n- **Beleidslijn:** N0\n").unwrap();
    let bytes = |depth: usize| {
        let mut reg = String::from(
            "id = \"diep\"\ntitel = \"Diep\"\nniveaus = [\"lijn\", \"thema\"]\n\n[[node]]\nid = \"N0\"\nniveau = \"lijn\"\ntitel = \"Wortel\"\n",
        );
        for i in 1..depth {
            reg.push_str(&format!(
                "\n[[node]]\nid = \"N{i}\"\nniveau = \"thema\"\ntitel = \"T\"\nouder = \"N{}\"\n",
                i - 1
            ));
        }
        std::fs::write(d.join("diep.toml"), reg).unwrap();
        let parts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rule-files/parts/velden.kader");
        std::fs::write(
            d.join("diep.kader"),
            format!(
                "plan \"Test\" {{\n  periode 2026-01-01 t/m 2027-12-31\n  register beleid = \"diep.toml\"\n}}\ngebruik \"{}\"\n",
                parts.display()
            ),
        )
        .unwrap();
        let run = common::kader_within(d, 120, &["coverage", "--rules", "diep.kader", "a.md"]).expect("ends");
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.len()
    };
    let (small, large) = (bytes(2_000), bytes(8_000));
    // Four times as deep, about four times the output (the indentation stops growing);
    // with an indentation per level it was sixteen times.
    assert!(large < small * 5, "{small} → {large} bytes");
}

#[test]
fn the_report_of_a_large_plan_ends() {
    // 10,000 actions, each with five findings: 104 s in the debug build while the report
    // walked the file from its start for every finding's snippet and scanned every finding
    // for every action; about 3 s now. A hang guard, not a speed assertion (benches/README.md
    // has the instruction counts at two sizes).
    let dir = TempDir::new("large-report");
    let plan: String = (0..10_000)
        .map(|i| format!("### Actie A-{i:05}: Actie {i}\n\n- **Eigenaar:** Team\n\n"))
        .collect();
    std::fs::write(dir.path().join("plan.md"), plan).unwrap();
    let run = common::kader_within(dir.path(), 60, &["report", "plan.md"]).expect("the report ends");
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.matches("<tr class=\"action\"").count(), 10_000);
}

#[test]
fn many_headings_without_actions_stay_linear() {
    // 60,000 headings, each with a field line under it and none an action: the search for
    // the heading `geen-acties` points at is one pass, not headings × lines.
    let dir = TempDir::new("veel-koppen");
    let text: String = (0..60_000)
        .map(|i| format!("### {i}. Kop\n\n- **Eigenaar:** Team {i}\n- Regel {i}\n\n"))
        .collect();
    std::fs::write(dir.path().join("team.md"), text).unwrap();
    let run = common::kader_within(dir.path(), 60, &["check", "--format", "json", "team.md"])
        .expect("kader finishes within a minute");
    let json = run.json();
    let first = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "geen-acties")
        .cloned()
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert_eq!(first["range"]["start"]["line"], 1, "{first}");
}

#[test]
fn many_placeholders_next_to_other_findings_stay_linear() {
    // 4,000 actions with a placeholder that another finding covers and one that none does:
    // deciding which placeholder findings give way is a binary search each, not a scan.
    let dir = TempDir::new("veel-plaatshouders");
    let text: String = (0..4_000)
        .map(|i| format!("### Actie A-{i}: Actie\n\n- **Eigenaar:** n.t.b.\n- **Inzet:** 0,4 fte; € PM\n\n"))
        .collect();
    std::fs::write(dir.path().join("team.md"), text).unwrap();
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rule-files/valid/per-regel.kader");
    let run = common::kader_within(
        dir.path(),
        60,
        &["check", "--format", "json", "--rules", rules, "team.md"],
    )
    .expect("kader finishes within a minute");
    let json = run.json();
    let count = |rule: &str| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == rule)
            .count()
    };
    assert_eq!(count("actie-eigenaar"), 4_000);
    assert_eq!(count("placeholder"), 4_000, "only the `PM` inside the inzet");
}
