//! The bundled rule set and registers, compiled into the binary so `kader check` works
//! anywhere without setup. `--rules FILE` reads another rule set from disk instead.

/// The entry rule file of the bundled set.
pub const ENTRY: &str = "rules/jaarplan-2026-2027.kader";

const FILES: &[(&str, &str)] = &[
    (
        "rules/jaarplan-2026-2027.kader",
        include_str!("../rules/jaarplan-2026-2027.kader"),
    ),
    (
        "rules/beleidsplan-2026-2027.toml",
        include_str!("../rules/beleidsplan-2026-2027.toml"),
    ),
    (
        "rules/iza-midden-nederland.toml",
        include_str!("../rules/iza-midden-nederland.toml"),
    ),
];

/// A bundled file by its path in this repository.
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}
