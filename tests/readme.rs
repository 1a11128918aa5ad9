//! The README's tour is what kader prints today: trycmd (the crate cargo and clap use to
//! keep their documented CLI examples true) runs every `console` block of README.md with the
//! real binary and compares its output. `...` stands for lines left out; `? 1` is the exit
//! code; the empty line before a block's end says the output ends there.

#[test]
fn the_readme_tour_is_what_kader_prints() {
    trycmd::TestCases::new()
        .register_bin("kader", trycmd::cargo::cargo_bin!("kader"))
        .env("NO_COLOR", "1")
        .env("KADER_TODAY", "2026-06-01")
        .case("README.md");
}
