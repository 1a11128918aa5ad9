//! `kader report`: one self-contained HTML page; deterministic; everything from a draft is
//! text. (.ci/report-browser-test.sh opens it in headless Chromium.)

mod common;

use common::kader;

fn report(args: &[&str]) -> common::Run {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    common::kader_on(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), "2026-08-01", &all)
}

#[test]
fn the_report_of_the_bundled_plan_is_deterministic_and_complete() {
    let first = report(&["fixtures/jaarplan-2026-2027"]);
    assert_eq!(
        first.code, 1,
        "the plan has errors, so the report exits as check does: {}",
        first.stderr
    );
    let second = report(&["fixtures/jaarplan-2026-2027"]);
    assert_eq!(first.stdout, second.stdout, "same input, same bytes");
    let html = &first.stdout;
    // Self-contained: no address the browser would fetch.
    for fetch in ["src=\"http", "href=\"http", "<link ", "url(", "@import"] {
        assert!(!html.contains(fetch), "{fetch}");
    }
    // The five parts, and the plan's numbers.
    for id in [
        "gereedheid",
        "per-team",
        "tijdlijn",
        "gantt",
        "dekking",
        "begroting",
        "acties",
        "bevindingen",
        "genegeerd",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "#{id}");
    }
    assert!(html.contains("Nog niet klaar: 7 van 12 acties compleet."));
    assert_eq!(html.matches("<tr class=\"action\"").count(), 12);
    assert_eq!(html.matches("<div class=\"finding ").count(), 17);
    assert_eq!(html.matches("<rect class=\"bar").count(), 12);
    assert_eq!(html.matches("<rect class=\"bar late\"").count(), 2);
    assert!(html.contains("@media print"));
    insta::assert_snapshot!("report_bundled_plan", html);
}

#[test]
fn the_report_exits_like_check() {
    let clean = report(&["fixtures/clean"]);
    let check = common::kader_on(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        "2026-08-01",
        &["check", "fixtures/clean"],
    );
    assert_eq!((clean.code, check.code), (0, 0), "{}", clean.stderr);
    let missing = report(&["fixtures/clean", "bestaat-niet"]);
    assert_eq!(missing.code, 2, "a path that does not exist: {}", missing.stderr);
    assert!(
        missing.stderr.contains("bestaat-niet: bestaat niet"),
        "{}",
        missing.stderr
    );
}

#[test]
fn script_in_a_draft_is_shown_as_text() {
    let run = report(&["fixtures/report/script-in-draft.md"]);
    assert_eq!(run.code, 1, "its actions have errors: {}", run.stderr);
    let html = &run.stdout;
    assert_eq!(html.matches("<script").count(), 1, "only the report's own script");
    assert_eq!(html.matches("<svg").count(), 1, "only the Gantt chart");
    for tag in ["<img", "<iframe", "<a ", "onerror=\"", "onload=\"", "onmouseover=\""] {
        assert!(!html.contains(tag), "`{tag}` from the draft came through unescaped");
    }
    assert!(
        html.contains("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;title&#39;)&lt;/script&gt;")
    );
    assert!(html.contains("&lt;img src=x onerror=&quot;"));
}

#[test]
fn the_report_speaks_english_and_never_overwrites_a_draft() {
    let run = report(&["--lang", "en", "fixtures/jaarplan-2026-2027"]);
    assert!(run.stdout.contains("<html lang=\"en\">"));
    assert!(run.stdout.contains("Not ready yet: 7 of 12 actions complete."));
    assert!(run.stdout.contains("Policy coverage"));
    assert!(!run.stdout.contains("Bevindingen"));

    let refused = kader(&[
        "report",
        "fixtures/jaarplan-2026-2027",
        "-o",
        "fixtures/jaarplan-2026-2027/team-wijk.md",
    ]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("kader overschrijft geen concepten"),
        "{}",
        refused.stderr
    );
}
