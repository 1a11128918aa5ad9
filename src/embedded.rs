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
    (
        "rules/kaderbrief-2026-2027.toml",
        include_str!("../rules/kaderbrief-2026-2027.toml"),
    ),
];

/// A bundled file by its path in this repository.
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}

/// The bundled registers in the form `Register::load` would build from them (postcard), by
/// the register's TOML path. Written by `cargo test prepared_registers_are_current` with
/// `KADER_UPDATE_PREPARED=1`; that test fails when one is stale.
pub const PREPARED: &[(&str, &[u8])] = &[
    (
        "rules/beleidsplan-2026-2027.toml",
        include_bytes!("../rules/prepared/beleidsplan-2026-2027.postcard"),
    ),
    (
        "rules/iza-midden-nederland.toml",
        include_bytes!("../rules/prepared/iza-midden-nederland.postcard"),
    ),
];

/// The prepared form of a register whose text is, byte for byte, a bundled one.
pub fn prepared_register(text: &str) -> Option<&'static [u8]> {
    PREPARED
        .iter()
        .find(|(path, _)| file(path) == Some(text))
        .map(|(_, bytes)| *bytes)
}
