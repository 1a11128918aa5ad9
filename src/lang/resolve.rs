//! Syntax tree → `RuleSet`: the meaning of names.
//!
//! Owns: checking every name a rule file uses (fields, registers, levels, rule IDs,
//! message placeholders) with "did you mean", compiling regexes, duplicate IDs, severity
//! overrides. Every problem is a diagnostic at the span of the name.
//! Must not: read files (the loader hands it registers) or evaluate rules.

use regex::{Regex, RegexBuilder};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::draft::normalize_name;
use crate::register::Register;
use crate::source::{SourceId, Span};

use super::RULE_FILE_PROBLEM;
use super::keywords::{Kw, did_you_mean};
use super::ruleset::{self as rs, FieldKind, RuleSet, Scope, Subject};
use super::syntax::{self, Clause, Item, Pattern, RegexLit};

/// The placeholders a message or help template may use.
pub const TEMPLATE_VARS: &[(&str, &str)] = &[
    ("actie", "het ID van de actie"),
    ("titel", "de titel van de actie"),
    ("veld", "de naam van het veld"),
    ("waarde", "de waarde die niet klopt"),
    ("kop", "de hele kop"),
    ("regel", "het ID van de regel"),
    ("node", "het ID van het registeronderdeel (`voor elk thema in beleid`)"),
    ("nodetitel", "de titel van het registeronderdeel"),
];

/// One item of the loaded files, with the file it came from.
pub struct Located {
    pub file: SourceId,
    pub item: Item,
}

/// Registers the loader read for a `register` line: (name, span of the line's path, register).
pub type LoadedRegisters = Vec<(syntax::Ident, Option<Register>)>;

struct Resolver {
    diags: Vec<Diagnostic>,
}

impl Resolver {
    fn error(&mut self, file: SourceId, span: Span, message: String, label: &str, help: Option<String>) {
        let mut d =
            Diagnostic::new(RULE_FILE_PROBLEM, Severity::Error, message).with_primary(Label::new(file, span, label));
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    fn unknown(&mut self, file: SourceId, ident: &syntax::Ident, what: &str, candidates: &[&str]) {
        let suggestion = did_you_mean(&ident.name, candidates.iter().copied());
        let help = match suggestion {
            Some(s) => Some(format!("bedoelde je `{s}`?")),
            None if candidates.is_empty() && what == "register" => Some(
                "Er zijn geen registers; noem ze in het plan: register beleid = \"beleidsplan-2026-2027.toml\"".into(),
            ),
            None if candidates.is_empty() => None,
            None => Some(format!("bekend zijn: {}", candidates.join(", "))),
        };
        // Dutch adjectives agree with the noun: "onbekend veld", "onbekende regel".
        let adjective = if matches!(what, "regel") {
            "onbekende"
        } else {
            "onbekend"
        };
        self.error(
            file,
            ident.span,
            format!("{adjective} {what} `{}`", ident.name),
            &format!("geen {what} met deze naam"),
            help,
        );
    }

    fn regex(&mut self, file: SourceId, lit: &RegexLit) -> Option<Regex> {
        let mut b = RegexBuilder::new(&lit.pattern);
        for flag in lit.flags.chars() {
            match flag {
                'i' => b.case_insensitive(true),
                'x' => b.ignore_whitespace(true),
                's' => b.dot_matches_new_line(true),
                other => {
                    self.error(
                        file,
                        lit.span,
                        format!("onbekende vlag `{other}` achter het patroon"),
                        "hier",
                        Some("Mogelijke vlaggen: i (hoofdletters negeren), x, s".into()),
                    );
                    return None;
                }
            };
        }
        match b.build() {
            Ok(r) => Some(r),
            Err(e) => {
                let detail = e.to_string();
                let detail = detail.lines().last().unwrap_or("").trim().to_owned();
                self.error(
                    file,
                    lit.span,
                    "dit patroon is geen geldige reguliere expressie".into(),
                    &format!("regex: {}", detail.trim_start_matches("error: ")),
                    Some("Zie https://docs.rs/regex/#syntax voor de schrijfwijze.".into()),
                );
                None
            }
        }
    }
}

/// Turn every item of every loaded file into one `RuleSet`. Returns `None` when any
/// error was found: a half-understood rule set must not check drafts.
pub fn resolve(items: Vec<Located>, entry: SourceId, registers: LoadedRegisters) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let mut r = Resolver { diags: Vec::new() };

    // Registers first: fields refer to them.
    let mut reg_names: Vec<(String, usize)> = Vec::new();
    let mut reg_values: Vec<Register> = Vec::new();
    for (name, reg) in registers {
        if let Some(reg) = reg {
            reg_names.push((name.name.clone(), reg_values.len()));
            reg_values.push(reg);
        }
    }
    let reg_candidates: Vec<String> = reg_names.iter().map(|(n, _)| n.clone()).collect();
    let reg_index = |name: &str| reg_names.iter().find(|(n, _)| n == name).map(|(_, i)| *i);

    // Plan.
    let mut plan: Option<rs::PlanInfo> = None;
    let mut fields: Vec<rs::FieldDef> = Vec::new();
    let mut field_spans: Vec<(SourceId, Span)> = Vec::new();
    let mut action: Option<rs::ActionSyntax> = None;
    let mut placeholders = rs::Placeholders::default();
    let mut rule_decls: Vec<(SourceId, syntax::RuleDecl)> = Vec::new();
    let mut overrides: Vec<(SourceId, syntax::RuleOverride)> = Vec::new();

    for Located { file, item } in &items {
        let file = *file;
        match item {
            Item::Plan(p) => {
                if plan.is_some() {
                    r.error(
                        file,
                        p.span,
                        "het plan is al eerder beschreven".into(),
                        "tweede `plan`-blok",
                        Some("Een regelset heeft één `plan { ... }`.".into()),
                    );
                    continue;
                }
                let mut info = rs::PlanInfo {
                    name: p.name.value.clone(),
                    start: jiff::civil::date(2000, 1, 1),
                    end: jiff::civil::date(2000, 1, 1),
                    deadline: None,
                    registers: reg_names.clone(),
                };
                let mut has_period = false;
                for it in &p.items {
                    match it {
                        syntax::PlanItem::Period { start, end } => {
                            let (s, e) = (to_date(start), to_date(end));
                            if e < s {
                                r.error(
                                    file,
                                    start.span.cover(end.span),
                                    "de periode eindigt voor ze begint".into(),
                                    "begin na einde",
                                    None,
                                );
                            }
                            info.start = s;
                            info.end = e;
                            has_period = true;
                        }
                        syntax::PlanItem::Deadline(d) => info.deadline = Some(to_date(d)),
                        syntax::PlanItem::Register { .. } => {}
                    }
                }
                if !has_period {
                    r.error(
                        file,
                        p.name.span,
                        "het plan noemt geen periode".into(),
                        "hier ontbreekt `periode`",
                        Some("Voeg toe: periode 2026-01-01 t/m 2027-12-31".into()),
                    );
                }
                plan = Some(info);
            }
            Item::Field(f) => {
                if let Some(i) = fields.iter().position(|d| d.name == f.name.name) {
                    let (ffile, fspan) = field_spans[i];
                    r.diags.push(
                        Diagnostic::new(
                            RULE_FILE_PROBLEM,
                            Severity::Error,
                            format!("veld `{}` is al gedefinieerd", f.name.name),
                        )
                        .with_primary(Label::new(file, f.name.span, "tweede definitie"))
                        .with_label(Label::new(ffile, fspan, "eerste definitie")),
                    );
                    continue;
                }
                let kind = match &f.kind {
                    None => FieldKind::Text,
                    Some(k) => match k.kw {
                        Kw::KindText => FieldKind::Text,
                        Kw::KindTime => FieldKind::Time,
                        Kw::KindActions => FieldKind::Actions,
                        Kw::KindAmount => FieldKind::Amount,
                        Kw::KindLinks => {
                            let reg = k.register.as_ref().expect("the parser requires a register");
                            match reg_index(&reg.name) {
                                Some(i) => FieldKind::Links(i),
                                None => {
                                    let c: Vec<&str> = reg_candidates.iter().map(String::as_str).collect();
                                    r.unknown(file, reg, "register", &c);
                                    FieldKind::Text
                                }
                            }
                        }
                        _ => unreachable!("field kinds"),
                    },
                };
                for a in &f.aliases {
                    if normalize_name(&a.value).is_empty() {
                        r.error(file, a.span, "een lege veldnaam".into(), "leeg", None);
                    }
                }
                field_spans.push((file, f.name.span));
                fields.push(rs::FieldDef {
                    name: f.name.name.clone(),
                    kind,
                    aliases: f.aliases.iter().map(|a| a.value.clone()).collect(),
                    keys: f.aliases.iter().map(|a| normalize_name(&a.value)).collect(),
                });
            }
            Item::Action(a) => {
                if action.is_some() {
                    r.error(
                        file,
                        a.span,
                        "de actievorm is al eerder beschreven".into(),
                        "tweede `actie`-blok",
                        None,
                    );
                    continue;
                }
                let mut recognise = None;
                let mut heading = None;
                let mut cell = None;
                let mut levels = (2u8, 4u8);
                let mut table_keys = Vec::new();
                for it in &a.items {
                    match it {
                        syntax::ActionItem::Recognise(re) => recognise = r.regex(file, re),
                        syntax::ActionItem::Heading(re) => {
                            heading = r.regex(file, re);
                            if let Some(h) = &heading {
                                check_groups(&mut r, file, re, h);
                            }
                        }
                        syntax::ActionItem::Cell(re) => {
                            cell = r.regex(file, re);
                            if let Some(c) = &cell {
                                check_groups(&mut r, file, re, c);
                            }
                        }
                        syntax::ActionItem::Levels { min, max, span } => {
                            if !(1..=6).contains(min) || !(1..=6).contains(max) || min > max {
                                r.error(
                                    file,
                                    *span,
                                    "kopniveaus lopen van 1 t/m 6".into(),
                                    "ongeldig bereik",
                                    Some("Bijvoorbeeld: niveau 2 t/m 4".into()),
                                );
                            }
                            levels = (*min, *max);
                        }
                        syntax::ActionItem::Table(names) => {
                            table_keys = names.iter().map(|n| normalize_name(&n.value)).collect();
                        }
                    }
                }
                match (recognise, heading) {
                    (Some(recognise), Some(heading)) => {
                        action = Some(rs::ActionSyntax {
                            recognise,
                            heading,
                            min_level: levels.0,
                            max_level: levels.1,
                            table_keys,
                            cell,
                        });
                    }
                    _ => {
                        if r.diags.is_empty() {
                            r.error(file, a.span, "het `actie`-blok mist `herken` of `kop`".into(), "hier", Some("Beide patronen zijn nodig: welke koppen een actie willen zijn, en hoe een goede actiekop eruitziet.".into()));
                        }
                    }
                }
            }
            Item::Placeholders(pats, _) => {
                for p in pats {
                    match p {
                        Pattern::Text(s) => placeholders.texts.push(s.value.clone()),
                        Pattern::Regex(re) => {
                            if let Some(re) = r.regex(file, re) {
                                placeholders.regexes.push(re);
                            }
                        }
                    }
                }
            }
            Item::Rule(d) => rule_decls.push((file, d.clone())),
            Item::Override(o) => overrides.push((file, o.clone())),
            Item::Include(_) => {}
        }
    }

    let field_names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    let mut rules: Vec<rs::Rule> = Vec::new();
    for (file, d) in rule_decls {
        if let Some(first) = rules.iter().find(|x| x.id == d.id.name) {
            r.diags.push(
                Diagnostic::new(
                    RULE_FILE_PROBLEM,
                    Severity::Error,
                    format!("regel `{}` bestaat al", d.id.name),
                )
                .with_primary(Label::new(file, d.id.span, "tweede regel met dit ID"))
                .with_label(Label::new(first.file, first.span, "eerste regel met dit ID"))
                .with_help(format!(
                    "Geef de regel een ander ID, of wijzig de bestaande met `regel {} is waarschuwing`.",
                    d.id.name
                )),
            );
            continue;
        }
        let ctx = Ctx {
            file,
            fields: &fields,
            field_names: &field_names,
            registers: &reg_values,
            reg_candidates: &reg_candidates,
            reg_index: &reg_index,
        };
        if let Some(rule) = resolve_rule(&mut r, &ctx, &d) {
            rules.push(rule);
        }
    }

    for (file, o) in overrides {
        match rules.iter_mut().find(|x| x.id == o.id.name) {
            Some(rule) => match &o.severity {
                None => rule.enabled = false,
                Some(s) => rule.severity = severity(s.kw),
            },
            None => {
                let c: Vec<&str> = rules.iter().map(|x| x.id.as_str()).collect();
                r.unknown(file, &o.id, "regel", &c);
            }
        }
    }

    let plan = match plan {
        Some(p) => Some(p),
        None => {
            r.error(
                entry,
                Span::new(0, 0),
                "de regelset beschrijft geen plan".into(),
                "hier begint de regelset",
                Some("Voeg toe: plan \"Jaarplan 2026-2027\" { periode 2026-01-01 t/m 2027-12-31 }".into()),
            );
            None
        }
    };
    if action.is_none() && !r.diags.iter().any(|d| d.message.contains("`actie`")) {
        r.error(
            entry,
            Span::new(0, 0),
            "de regelset beschrijft niet hoe een actie eruitziet".into(),
            "hier begint de regelset",
            Some("Voeg een `actie { herken /.../ kop /.../ }`-blok toe.".into()),
        );
    }
    if !r.diags.is_empty() {
        return (None, r.diags);
    }
    let (Some(plan), Some(action)) = (plan, action) else {
        return (None, r.diags);
    };
    (
        Some(RuleSet {
            plan,
            fields,
            action,
            placeholders,
            rules,
            registers: reg_values,
        }),
        r.diags,
    )
}

fn to_date(d: &syntax::DateLit) -> jiff::civil::Date {
    jiff::civil::date(d.year, d.month, d.day)
}

fn severity(kw: Kw) -> Severity {
    match kw {
        Kw::Error => Severity::Error,
        Kw::Warning => Severity::Warning,
        _ => Severity::Note,
    }
}

fn check_groups(r: &mut Resolver, file: SourceId, lit: &RegexLit, re: &Regex) {
    for group in ["id", "titel"] {
        if !re.capture_names().flatten().any(|n| n == group) {
            r.error(
                file,
                lit.span,
                format!("het patroon heeft geen groep `{group}`"),
                &format!("voeg (?P<{group}>...) toe"),
                Some("De groepen `id` en `titel` zeggen waar het ID en de titel van de actie staan.".into()),
            );
        }
    }
}

/// A field named in an action-scope position (the argument of `begint na`).
fn subject_field(r: &mut Resolver, ctx: &Ctx<'_>, ident: &syntax::Ident) -> Option<Subject> {
    subject(r, ctx, &Scope::Action, ident)
}

struct Ctx<'a> {
    file: SourceId,
    fields: &'a [rs::FieldDef],
    field_names: &'a [String],
    registers: &'a [Register],
    reg_candidates: &'a [String],
    reg_index: &'a dyn Fn(&str) -> Option<usize>,
}

fn resolve_rule(r: &mut Resolver, ctx: &Ctx<'_>, d: &syntax::RuleDecl) -> Option<rs::Rule> {
    let errors_before = r.diags.len();
    let file = ctx.file;
    let mut scope_syn: Option<&syntax::ScopeSyn> = None;
    let mut expr_syn: Option<&syntax::Expr> = None;
    let (mut message, mut help, mut source, mut description) = (None, None, None, None);
    let (mut examples_good, mut examples_bad, mut english) = (Vec::new(), Vec::new(), rs::English::default());
    for c in &d.clauses {
        let dup = match c {
            Clause::For(s) => scope_syn.replace(s).is_some(),
            Clause::Require(e) => expr_syn.replace(e).is_some(),
            Clause::Message(s) => message.replace(s).is_some(),
            Clause::Help(s) => help.replace(s).is_some(),
            Clause::Source(s) => source.replace(s).is_some(),
            Clause::Description(s) => description.replace(s).is_some(),
            Clause::ExampleGood(s) => {
                examples_good.push(s.value.clone());
                false
            }
            Clause::ExampleBad(s) => {
                examples_bad.push(s.value.clone());
                false
            }
            Clause::English(texts) => {
                for (kind, s) in texts {
                    let slot = match kind {
                        syntax::EnglishText::Title => &mut english.title,
                        syntax::EnglishText::Message => {
                            check_template(r, file, s);
                            &mut english.message
                        }
                        syntax::EnglishText::Help => {
                            check_template(r, file, s);
                            &mut english.help
                        }
                        syntax::EnglishText::Description => &mut english.description,
                    };
                    *slot = Some(s.value.clone());
                }
                false
            }
        };
        if dup {
            r.error(file, d.id.span, format!("regel `{}` heeft een onderdeel twee keer", d.id.name), "in deze regel", Some("Elke regel heeft hooguit één `voor`, `eis`, `melding`, `hulp`, `bron` en `beschrijving`; combineer eisen met `en`.".into()));
        }
    }
    let scope = match scope_syn {
        None => Scope::Action,
        Some(syn) => match (syn.kw, &syn.node) {
            (Some(Kw::ScopeAction), _) => Scope::Action,
            (Some(Kw::ScopeHeading), _) => Scope::Heading,
            (Some(Kw::ScopeField), _) => Scope::Field,
            (Some(Kw::ScopeDocument), _) => Scope::Document,
            (Some(Kw::ScopeWaiver), _) => Scope::Waiver,
            (None, Some((level, reg))) => match (ctx.reg_index)(&reg.name) {
                Some(register) => {
                    let levels: Vec<&str> = ctx.registers[register].levels.iter().map(String::as_str).collect();
                    if !levels.contains(&level.name.as_str()) {
                        r.unknown(file, level, "niveau", &levels);
                    }
                    Scope::Node {
                        register,
                        level: level.name.clone(),
                    }
                }
                None => {
                    let c: Vec<&str> = ctx.reg_candidates.iter().map(String::as_str).collect();
                    r.unknown(file, reg, "register", &c);
                    Scope::Action
                }
            },
            _ => unreachable!("the parser gives a keyword or a node scope"),
        },
    };
    let with = scope_syn
        .and_then(|s| s.with.as_ref())
        .and_then(|w| subject(r, ctx, &scope, w));
    let Some(expr_syn) = expr_syn else {
        r.error(
            file,
            d.id.span,
            format!("regel `{}` heeft geen eis", d.id.name),
            "hier ontbreekt `eis ...`",
            Some("Voeg toe, bijvoorbeeld: eis eigenaar ingevuld".into()),
        );
        return None;
    };
    let expr = expr(r, ctx, &scope, expr_syn);
    let message_text = match (message, &d.title) {
        (Some(m), _) => {
            check_template(r, file, m);
            m.value.clone()
        }
        (None, Some(t)) => t.value.clone(),
        (None, None) => {
            r.error(file, d.id.span, format!("regel `{}` heeft geen melding", d.id.name), "hier ontbreekt `melding \"...\"`", Some("Een melding zegt de schrijver wat er mis is, bijvoorbeeld: melding \"Actie {actie} heeft geen eigenaar\"".into()));
            String::new()
        }
    };
    if let Some(h) = help {
        check_template(r, file, h);
    }
    if r.diags.len() > errors_before {
        return None;
    }
    let expr = expr?;
    let plan_wide = expr.is_plan_wide() || matches!(scope, Scope::Node { .. });
    Some(rs::Rule {
        id: d.id.name.clone(),
        severity: severity(d.severity.kw),
        enabled: true,
        title: d.title.as_ref().map(|t| t.value.clone()),
        scope,
        with,
        plan_wide,
        expr,
        message: message_text,
        help: help.map(|h| h.value.clone()),
        source: source.map(|s| s.value.clone()),
        description: description.map(|s| s.value.clone()),
        examples_good,
        examples_bad,
        english,
        file,
        span: d.id.span,
    })
}

fn check_template(r: &mut Resolver, file: SourceId, s: &syntax::Str) {
    let names: Vec<&str> = TEMPLATE_VARS.iter().map(|(n, _)| *n).collect();
    let mut search = 0;
    while let Some(open) = s.value[search..].find('{').map(|o| o + search) {
        let Some(close) = s.value[open..].find('}').map(|c| c + open) else {
            break;
        };
        let name = &s.value[open + 1..close];
        if !names.contains(&name) {
            let hint = match did_you_mean(name, names.iter().copied()) {
                Some(m) => format!("bedoelde je `{{{m}}}`?"),
                None => format!(
                    "mogelijk: {}",
                    names.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")
                ),
            };
            // Exact when the string holds no escapes or line breaks (its source is then the
            // value between quotes); otherwise point at the whole string.
            let span = if s.span.len() == s.value.len() + 2 {
                Span::new(s.span.start + 1 + open, s.span.start + 2 + close)
            } else {
                s.span
            };
            r.error(
                file,
                span,
                format!("onbekende invulplek `{{{name}}}` in de tekst"),
                "onbekend",
                Some(hint),
            );
        }
        search = close + 1;
    }
}

fn subject(r: &mut Resolver, ctx: &Ctx<'_>, scope: &Scope, ident: &syntax::Ident) -> Option<Subject> {
    let name = ident.name.as_str();
    let pseudo: &[&str] = match scope {
        Scope::Action => &["id", "titel"],
        Scope::Heading => &["id", "titel", "kop"],
        Scope::Field => &["waarde", "naam"],
        Scope::Node { .. } => &["acties", "id", "titel"],
        Scope::Waiver => &["regel", "reden"],
        Scope::Document => return Some(Subject::Meta(name.to_owned())),
    };
    match (scope, name) {
        (Scope::Action | Scope::Heading | Scope::Node { .. }, "id") => return Some(Subject::Id),
        (Scope::Action | Scope::Heading | Scope::Node { .. }, "titel" | "title") => return Some(Subject::Title),
        (Scope::Heading, "kop" | "heading") => return Some(Subject::Heading),
        (Scope::Field, "waarde" | "value") => return Some(Subject::Value),
        (Scope::Field, "naam" | "name") => return Some(Subject::Name),
        (Scope::Node { .. }, "acties" | "actions") => return Some(Subject::NodeActions),
        (Scope::Waiver, "regel" | "rule") => return Some(Subject::WaiverRule),
        (Scope::Waiver, "reden" | "reason") => return Some(Subject::WaiverReason),
        _ => {}
    }
    if *scope == Scope::Action
        && let Some(i) = ctx.field_names.iter().position(|f| f == name)
    {
        return Some(Subject::Field(i));
    }
    let mut candidates: Vec<&str> = pseudo.to_vec();
    if *scope == Scope::Action {
        candidates.extend(ctx.field_names.iter().map(String::as_str));
    }
    let what = if *scope == Scope::Action { "veld" } else { "onderwerp" };
    r.unknown(ctx.file, ident, what, &candidates);
    None
}

/// The field a test is about, if it is a field of this kind; otherwise an error at the
/// subject that says which kind is needed.
fn field_of_kind(
    r: &mut Resolver,
    ctx: &Ctx<'_>,
    subject: &Subject,
    ident: &syntax::Ident,
    want: FieldKind,
    what: &str,
    decl: &str,
) -> Option<usize> {
    if let Subject::Field(i) = subject
        && ctx.fields[*i].kind == want
    {
        return Some(*i);
    }
    r.error(
        ctx.file,
        ident.span,
        format!("`{}` is geen {what}", ident.name),
        &format!("hier is een {what} nodig"),
        Some(format!("Declareer het als: veld {}: {decl} = ...", ident.name)),
    );
    None
}

fn expr(r: &mut Resolver, ctx: &Ctx<'_>, scope: &Scope, e: &syntax::Expr) -> Option<rs::Expr> {
    Some(match e {
        syntax::Expr::And(a, b) => {
            let (a, b) = (expr(r, ctx, scope, a), expr(r, ctx, scope, b));
            rs::Expr::And(Box::new(a?), Box::new(b?))
        }
        syntax::Expr::Or(a, b) => {
            let (a, b) = (expr(r, ctx, scope, a), expr(r, ctx, scope, b));
            rs::Expr::Or(Box::new(a?), Box::new(b?))
        }
        syntax::Expr::If(a, b) => {
            let (a, b) = (expr(r, ctx, scope, a), expr(r, ctx, scope, b));
            rs::Expr::If(Box::new(a?), Box::new(b?))
        }
        syntax::Expr::Not(a, _) => rs::Expr::Not(Box::new(expr(r, ctx, scope, a)?)),
        syntax::Expr::Test(t) => {
            let subject = subject(r, ctx, scope, &t.subject)?;
            let link_register = |r: &mut Resolver| -> Option<usize> {
                match &subject {
                    Subject::Field(i) => match ctx.fields[*i].kind {
                        FieldKind::Links(reg) => Some(reg),
                        _ => {
                            r.error(
                                ctx.file,
                                t.subject.span,
                                format!("veld `{}` verwijst niet naar een register", t.subject.name),
                                "geen verwijzingsveld",
                                Some(format!(
                                    "Declareer het als: veld {}: verwijzing(<register>) = ...",
                                    t.subject.name
                                )),
                            );
                            None
                        }
                    },
                    _ => {
                        r.error(
                            ctx.file,
                            t.subject.span,
                            format!("`{}` verwijst niet naar een register", t.subject.name),
                            "geen verwijzingsveld",
                            None,
                        );
                        None
                    }
                }
            };
            // The kind of field a time or dependency requirement needs, checked at the subject.
            let time_field =
                |r: &mut Resolver| field_of_kind(r, ctx, &subject, &t.subject, FieldKind::Time, "tijdveld", "tijd");
            let actions_field = |r: &mut Resolver| {
                field_of_kind(
                    r,
                    ctx,
                    &subject,
                    &t.subject,
                    FieldKind::Actions,
                    "veld met acties",
                    "acties",
                )
            };
            let pred = match &t.pred {
                syntax::Pred::Filled => rs::Pred::Filled,
                syntax::Pred::Matches(re) => rs::Pred::Matches(r.regex(ctx.file, re)?),
                syntax::Pred::Words(c, n) => rs::Pred::Words(*c, *n),
                syntax::Pred::Length(c, n) => rs::Pred::Length(*c, *n),
                syntax::Pred::Equals(s) => rs::Pred::Equals(s.value.clone()),
                syntax::Pred::Unique => rs::Pred::Unique,
                syntax::Pred::WithoutPlaceholder => rs::Pred::WithoutPlaceholder,
                syntax::Pred::ExistsIn(reg) if reg.name == "plan" => {
                    actions_field(r)?;
                    rs::Pred::ActionsExist
                }
                syntax::Pred::IsTime | syntax::Pred::WithinPlan | syntax::Pred::InOrder => {
                    time_field(r)?;
                    match t.pred {
                        syntax::Pred::IsTime => rs::Pred::IsTime,
                        syntax::Pred::WithinPlan => rs::Pred::WithinPlan,
                        _ => rs::Pred::InOrder,
                    }
                }
                syntax::Pred::StartsAfter(other) | syntax::Pred::StartsBefore(other) => {
                    time_field(r)?;
                    let other_subject = subject_field(r, ctx, other)?;
                    let def = field_of_kind(
                        r,
                        ctx,
                        &other_subject,
                        other,
                        FieldKind::Actions,
                        "veld met acties",
                        "acties",
                    )?;
                    if matches!(t.pred, syntax::Pred::StartsAfter(_)) {
                        rs::Pred::StartsAfter(def)
                    } else {
                        rs::Pred::StartsBefore(def)
                    }
                }
                syntax::Pred::NoCycle => {
                    actions_field(r)?;
                    rs::Pred::NoCycle
                }
                syntax::Pred::HasAmount => rs::Pred::HasAmount,
                syntax::Pred::Known => rs::Pred::Known,
                syntax::Pred::Count(c, n) => rs::Pred::Count(*c, *n),
                syntax::Pred::ExistsIn(reg) => {
                    let Some(i) = (ctx.reg_index)(&reg.name) else {
                        let c: Vec<&str> = ctx.reg_candidates.iter().map(String::as_str).collect();
                        r.unknown(ctx.file, reg, "register", &c);
                        return None;
                    };
                    let field_reg = link_register(r)?;
                    if field_reg != i {
                        r.error(
                            ctx.file,
                            reg.span,
                            format!("veld `{}` verwijst naar een ander register", t.subject.name),
                            &format!(
                                "`{}` verwijst naar `{}`",
                                t.subject.name,
                                ctx.reg_candidates.get(field_reg).map_or("?", |s| s.as_str())
                            ),
                            None,
                        );
                        return None;
                    }
                    rs::Pred::ExistsIn(i)
                }
                syntax::Pred::AtLevel(levels) => {
                    let reg = link_register(r)?;
                    let known: Vec<&str> = ctx.registers[reg].levels.iter().map(String::as_str).collect();
                    let mut out = Vec::new();
                    for l in levels {
                        if known.contains(&l.name.as_str()) {
                            out.push(l.name.clone());
                        } else {
                            r.unknown(ctx.file, l, "niveau", &known);
                        }
                    }
                    rs::Pred::AtLevel(reg, out)
                }
                syntax::Pred::TitleMatches => rs::Pred::TitleMatches(link_register(r)?),
            };
            rs::Expr::Test(rs::Test { subject, pred })
        }
    })
}
