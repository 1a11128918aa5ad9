//! Syntax tree → `RuleSet`: the meaning of names.
//!
//! Owns: checking every name a rule file uses (fields, registers, levels, rule IDs,
//! message placeholders) with "did you mean", compiling regexes, duplicate IDs, severity
//! overrides. Every problem is a diagnostic at the span of the name.
//! Must not: read files (the loader hands it registers) or evaluate rules.

use regex::{Regex, RegexBuilder};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::register::Register;
use crate::source::{SourceId, Span};
use crate::text::normalize_name;

use super::RULE_FILE_PROBLEM;
use super::keywords::{Kw, did_you_mean};
use super::ruleset::{self as rs, FieldKind, RuleSet, Scope, Subject};
use super::syntax::{self, Clause, Item, Pattern, RegexLit};
use crate::i18n::tr;

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
    ("totaal", "de som van de groep (`voor elk totaal`), met eenheid"),
    ("kader", "het kader van de groep in de kaderbrief"),
    ("verschil", "hoeveel de som boven het kader (of de grens) ligt"),
    (
        "groep",
        "de groep in woorden: de waarden van `per` (team, jaar, beleidslijn)",
    ),
    ("peildatum", "de peildatum van de rapportage (voortgang)"),
    ("team", "het team van de rapportage of van de actie (voortgang)"),
    ("status", "de status die de melding geeft (voortgang)"),
    ("mijlpaal", "de mijlpaal van het plan (`voor elke verstreken mijlpaal`)"),
    ("besteed", "wat de melding als besteed noemt, in euro (`past in`)"),
    ("gepland", "de inzet van de actie in het plan, in euro (`past in`)"),
];

/// Is this the name the rule language gives the kaderbrief?
fn is_kaderbrief(name: &str) -> bool {
    matches!(name, "kaderbrief" | "framework")
}

/// One item of the loaded files, with the file it came from.
pub struct Located {
    pub file: SourceId,
    pub item: Item,
}

/// Registers the loader read for a `register` line: (name, span of the line's path, register).
pub type LoadedRegisters = Vec<(syntax::Ident, Option<Register>)>;

struct Resolver {
    diags: Vec<Diagnostic>,
    /// Every regex compiled so far, by pattern and flags: a pattern written twice (the same
    /// `n.v.t.` test in two rules) is compiled once; `Regex` clones share the automaton.
    compiled: std::collections::HashMap<(String, String), Regex>,
}

impl Resolver {
    fn error(&mut self, file: SourceId, span: Span, message: String, label: String, help: Option<String>) {
        let mut d =
            Diagnostic::new(RULE_FILE_PROBLEM, Severity::Error, message).with_primary(Label::new(file, span, label));
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    /// An unknown name; `what` is `register`, `rule`, `level`, `field` or `subject` (the
    /// catalogue words it, with Dutch adjective agreement).
    fn unknown(&mut self, file: SourceId, ident: &syntax::Ident, what: &'static str, candidates: &[&str]) {
        let suggestion = did_you_mean(&ident.name, candidates.iter().copied());
        let help = match suggestion {
            Some(s) => Some(crate::i18n::did_you_mean_code(s)),
            None if candidates.is_empty() && what == "register" => Some(tr!("resolve-no-registers")),
            None if candidates.is_empty() => None,
            None => Some(tr!("resolve-known", names = candidates.join(", "))),
        };
        self.error(
            file,
            ident.span,
            tr!("resolve-unknown", what = what, name = ident.name.as_str()),
            tr!("resolve-unknown-label", what = what),
            help,
        );
    }

    fn regex(&mut self, file: SourceId, lit: &RegexLit) -> Option<Regex> {
        let key = (lit.pattern.clone(), lit.flags.clone());
        if let Some(re) = self.compiled.get(&key) {
            return Some(re.clone());
        }
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
                        tr!("resolve-unknown-flag", flag = other.to_string()),
                        tr!("rules-here"),
                        Some(tr!("resolve-unknown-flag-help")),
                    );
                    return None;
                }
            };
        }
        match b.build() {
            Ok(r) => {
                self.compiled.insert(key, r.clone());
                Some(r)
            }
            Err(e) => {
                let detail = e.to_string();
                let detail = detail.lines().last().unwrap_or("").trim().to_owned();
                self.error(
                    file,
                    lit.span,
                    tr!("resolve-bad-regex"),
                    format!("regex: {}", detail.trim_start_matches("error: ")),
                    Some(tr!("resolve-bad-regex-help")),
                );
                None
            }
        }
    }
}

/// Turn every item of every loaded file into one `RuleSet`. Returns `None` when any
/// error was found: a half-understood rule set must not check drafts.
pub fn resolve(
    items: Vec<Located>,
    entry: SourceId,
    registers: LoadedRegisters,
    kaderbrief: Option<crate::kaderbrief::Kaderbrief>,
) -> (Option<RuleSet>, Vec<Diagnostic>) {
    let mut r = Resolver {
        diags: Vec::new(),
        compiled: std::collections::HashMap::new(),
    };

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
    let mut synonyms: Vec<(SourceId, &syntax::FieldDecl)> = Vec::new();
    // Fields of drafts and of progress reports, in the order they were declared.
    let mut field_decls: Vec<(SourceId, &syntax::FieldDecl, bool)> = Vec::new();
    let mut progress: Option<rs::Progress> = None;

    for Located { file, item } in &items {
        let file = *file;
        match item {
            Item::Plan(p) => {
                if plan.is_some() {
                    r.error(
                        file,
                        p.span,
                        tr!("resolve-second-plan"),
                        tr!("resolve-second-plan-label"),
                        Some(tr!("resolve-second-plan-help")),
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
                                    tr!("resolve-period-reversed"),
                                    tr!("resolve-period-reversed-label"),
                                    None,
                                );
                            }
                            info.start = s;
                            info.end = e;
                            has_period = true;
                        }
                        syntax::PlanItem::Deadline(d) => info.deadline = Some(to_date(d)),
                        syntax::PlanItem::Register { .. } | syntax::PlanItem::Kaderbrief(_) => {}
                    }
                }
                if !has_period {
                    r.error(
                        file,
                        p.name.span,
                        tr!("resolve-no-period"),
                        tr!("resolve-no-period-label"),
                        Some(tr!("resolve-no-period-help")),
                    );
                }
                plan = Some(info);
            }
            Item::Field(f) => field_decls.push((file, f, false)),
            Item::Progress(p) => {
                if progress.is_some() {
                    r.error(
                        file,
                        p.span,
                        tr!("resolve-second-progress"),
                        tr!("resolve-second-progress-label"),
                        None,
                    );
                    continue;
                }
                let mut block = rs::Progress {
                    key: String::new(),
                    value: String::new(),
                    statuses: Vec::new(),
                };
                for it in &p.items {
                    match it {
                        syntax::ProgressItem::Marker { key, value } => {
                            block.key = key.name.clone();
                            block.value = value.value.clone();
                        }
                        syntax::ProgressItem::Field(f) => field_decls.push((file, f, true)),
                        syntax::ProgressItem::Status { name, aliases } => {
                            if block.statuses.iter().any(|s| s.name == name.name) {
                                r.error(
                                    file,
                                    name.span,
                                    tr!("resolve-status-twice", name = name.name.as_str()),
                                    tr!("resolve-second-definition"),
                                    None,
                                );
                            }
                            block.statuses.push(rs::StatusDef {
                                name: name.name.clone(),
                                aliases: aliases.iter().map(|a| a.value.clone()).collect(),
                                keys: aliases.iter().map(|a| rs::fold_status(&a.value)).collect(),
                            });
                        }
                    }
                }
                if block.key.is_empty() {
                    r.error(
                        file,
                        p.span,
                        tr!("resolve-progress-no-marker"),
                        tr!("rules-here"),
                        Some(tr!("resolve-progress-no-marker-help")),
                    );
                }
                progress = Some(block);
            }
            Item::Action(a) => {
                if action.is_some() {
                    r.error(
                        file,
                        a.span,
                        tr!("resolve-second-action"),
                        tr!("resolve-second-action-label"),
                        None,
                    );
                    continue;
                }
                let mut recognise = None;
                let mut heading = None;
                let mut cell = None;
                let mut loose = None;
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
                        syntax::ActionItem::Loose(re) => {
                            loose = r.regex(file, re);
                            if let Some(l) = &loose {
                                check_groups(&mut r, file, re, l);
                                if !l.capture_names().flatten().any(|n| n == "gat") {
                                    r.error(
                                        file,
                                        re.span,
                                        tr!("resolve-no-group", group = "gat"),
                                        tr!("resolve-no-group-label", group = "gat"),
                                        Some(tr!("resolve-no-group-help")),
                                    );
                                }
                            }
                        }
                        syntax::ActionItem::Levels { min, max, span } => {
                            if !(1..=6).contains(min) || !(1..=6).contains(max) || min > max {
                                r.error(
                                    file,
                                    *span,
                                    tr!("resolve-heading-levels"),
                                    tr!("resolve-heading-levels-label"),
                                    Some(tr!("resolve-heading-levels-help")),
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
                            loose,
                        });
                    }
                    _ => {
                        if r.diags.is_empty() {
                            r.error(
                                file,
                                a.span,
                                tr!("resolve-action-incomplete"),
                                tr!("rules-here"),
                                Some(tr!("resolve-action-incomplete-help")),
                            );
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
            Item::Synonym(f) => synonyms.push((file, f)),
            Item::Rule(d) => rule_decls.push((file, d.clone())),
            Item::Override(o) => overrides.push((file, o.clone())),
            Item::Include(_) => {}
        }
    }

    for (file, f, report) in field_decls {
        if let Some(i) = fields.iter().position(|d| d.name == f.name.name) {
            let (ffile, fspan) = field_spans[i];
            r.diags.push(
                Diagnostic::new(
                    RULE_FILE_PROBLEM,
                    Severity::Error,
                    tr!("resolve-field-defined", name = f.name.name.as_str()),
                )
                .with_primary(Label::new(file, f.name.span, tr!("resolve-second-definition")))
                .with_label(Label::new(ffile, fspan, tr!("resolve-first-definition"))),
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
                Kw::KindStatus => FieldKind::Status,
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
                r.error(
                    file,
                    a.span,
                    tr!("resolve-empty-field-name"),
                    tr!("resolve-empty-label"),
                    None,
                );
            }
        }
        field_spans.push((file, f.name.span));
        fields.push(rs::FieldDef {
            name: f.name.name.clone(),
            kind,
            aliases: f.aliases.iter().map(|a| a.value.clone()).collect(),
            keys: f.aliases.iter().map(|a| normalize_name(&a.value)).collect(),
            synonyms: Vec::new(),
            synonym_names: Vec::new(),
            report,
        });
    }
    let field_names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    // Synonyms after every field is known: a synonym may stand before its field.
    for (file, syn) in synonyms {
        let Some(def) = field_names.iter().position(|n| *n == syn.name.name) else {
            let c: Vec<&str> = field_names.iter().map(String::as_str).collect();
            r.unknown(file, &syn.name, "field", &c);
            continue;
        };
        for word in &syn.aliases {
            let key = normalize_name(&word.value);
            // Drafts and reports have fields of their own: only a name of the same kind clashes.
            let report = fields[def].report;
            if let Some(owner) = fields.iter().find(|f| f.report == report && f.keys.contains(&key)) {
                r.error(
                    file,
                    word.span,
                    tr!(
                        "resolve-synonym-is-alias",
                        word = word.value.as_str(),
                        field = owner.name.as_str()
                    ),
                    tr!("resolve-synonym-is-alias-label"),
                    Some(tr!("resolve-synonym-is-alias-help")),
                );
                continue;
            }
            if !key.is_empty() {
                fields[def].synonyms.push(key);
                fields[def].synonym_names.push(word.value.clone());
            }
        }
    }
    let mut rules: Vec<rs::Rule> = Vec::new();
    for (file, d) in rule_decls {
        if let Some(first) = rules.iter().find(|x| x.id == d.id.name) {
            r.diags.push(
                Diagnostic::new(
                    RULE_FILE_PROBLEM,
                    Severity::Error,
                    tr!("resolve-rule-exists", id = d.id.name.as_str()),
                )
                .with_primary(Label::new(file, d.id.span, tr!("resolve-second-rule")))
                .with_label(Label::new(first.file, first.span, tr!("resolve-first-rule")))
                .with_help(tr!("resolve-rule-exists-help", id = d.id.name.as_str())),
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
            kaderbrief: kaderbrief.is_some(),
            progress: progress.as_ref(),
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
                r.unknown(file, &o.id, "rule", &c);
            }
        }
    }

    // The priorities and the lines of the frames name nodes of a policy register.
    let mut priorities = Vec::new();
    if let Some(k) = &kaderbrief {
        let find = |id: &str| {
            reg_values
                .iter()
                .enumerate()
                .find_map(|(r, reg)| reg.index_of(id).map(|n| (r, n)))
        };
        let named = k
            .priorities
            .iter()
            .map(|p| (&p.id, p.span))
            .chain(k.frames.iter().filter_map(|f| f.line.as_ref().map(|(id, s)| (id, *s))));
        for (i, (id, span)) in named.enumerate() {
            match find(id) {
                Some(found) if i < k.priorities.len() => priorities.push(found),
                // A frame per line is held against the totals per line (the register's roots).
                Some((reg, n)) => {
                    let root = reg_values[reg].root(n);
                    if root != n {
                        r.error(
                            k.file,
                            span,
                            tr!(
                                "kaderbrief-line-not-top",
                                id = id.as_str(),
                                line = reg_values[reg].node(root).id.as_str()
                            ),
                            tr!("kaderbrief-line-not-top-label"),
                            None,
                        );
                    }
                }
                None => {
                    let all: Vec<&str> = reg_values
                        .iter()
                        .flat_map(|r| r.nodes.iter().map(|n| n.id.as_str()))
                        .collect();
                    let help = match did_you_mean(id, all.iter().copied()) {
                        Some(m) => crate::i18n::did_you_mean_code(m),
                        None => tr!("kaderbrief-unknown-node-help"),
                    };
                    r.error(
                        k.file,
                        span,
                        tr!("kaderbrief-unknown-node", id = id.as_str()),
                        tr!("register-unknown-id"),
                        Some(help),
                    );
                }
            }
        }
    }

    let plan = match plan {
        Some(p) => Some(p),
        None => {
            r.error(
                entry,
                Span::new(0, 0),
                tr!("resolve-no-plan"),
                tr!("resolve-set-starts-here"),
                Some(tr!("resolve-no-plan-help")),
            );
            None
        }
    };
    if action.is_none() && !r.diags.iter().any(|d| d.message.contains("`actie`")) {
        r.error(
            entry,
            Span::new(0, 0),
            tr!("resolve-no-action"),
            tr!("resolve-set-starts-here"),
            Some(tr!("resolve-no-action-help")),
        );
    }
    if !r.diags.is_empty() {
        return (None, r.diags);
    }
    let (Some(plan), Some(action)) = (plan, action) else {
        return (None, r.diags);
    };
    placeholders.prepare();
    (
        Some(RuleSet {
            plan,
            fields,
            action,
            placeholders,
            rules,
            registers: reg_values,
            coverage: Vec::new(),
            kaderbrief,
            priorities,
            progress,
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
                tr!("resolve-no-group", group = group),
                tr!("resolve-no-group-label", group = group),
                Some(tr!("resolve-no-group-help")),
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
    /// Does the plan name a kaderbrief?
    kaderbrief: bool,
    progress: Option<&'a rs::Progress>,
}

fn resolve_rule(r: &mut Resolver, ctx: &Ctx<'_>, d: &syntax::RuleDecl) -> Option<rs::Rule> {
    let errors_before = r.diags.len();
    let file = ctx.file;
    let mut scope_syn: Option<&syntax::ScopeSyn> = None;
    let mut expr_syn: Option<&syntax::Expr> = None;
    let (mut message, mut help, mut source, mut description) = (None, None, None, None);
    let (mut examples_good, mut examples_bad, mut english) = (Vec::new(), Vec::new(), rs::English::default());
    let mut yields = false;
    let mut english_templates: Vec<&syntax::Str> = Vec::new();
    for c in &d.clauses {
        let dup = match c {
            Clause::For(s) => scope_syn.replace(s).is_some(),
            Clause::Require(e) => expr_syn.replace(e).is_some(),
            Clause::Message(s) => message.replace(s).is_some(),
            Clause::Help(s) => help.replace(s).is_some(),
            Clause::Source(s) => source.replace(s).is_some(),
            Clause::Description(s) => description.replace(s).is_some(),
            Clause::ExampleGood(s) => {
                examples_good.push(rs::Example {
                    text: s.value.clone(),
                    span: s.span,
                });
                false
            }
            Clause::ExampleBad(s) => {
                examples_bad.push(rs::Example {
                    text: s.value.clone(),
                    span: s.span,
                });
                false
            }
            Clause::Yields(_) => std::mem::replace(&mut yields, true),
            Clause::English(texts) => {
                for (kind, s) in texts {
                    let slot = match kind {
                        syntax::EnglishText::Title => &mut english.title,
                        syntax::EnglishText::Message => {
                            english_templates.push(s);
                            &mut english.message
                        }
                        syntax::EnglishText::Help => {
                            english_templates.push(s);
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
            r.error(
                file,
                d.id.span,
                tr!("resolve-clause-twice", id = d.id.name.as_str()),
                tr!("resolve-in-this-rule"),
                Some(tr!("resolve-clause-twice-help")),
            );
        }
    }
    let scope = match scope_syn {
        None => Scope::Action,
        Some(syn) => match (syn.kw, &syn.node) {
            (Some(Kw::ScopeAction), _) => Scope::Action,
            (Some(Kw::ScopeHeading), _) => Scope::Heading,
            (Some(Kw::ScopeField), _) => Scope::Field,
            (Some(Kw::ScopeName), _) => Scope::Name,
            (Some(Kw::ScopeDocument), _) => Scope::Document,
            (Some(Kw::ScopeWaiver), _) => Scope::Waiver,
            (Some(kw @ (Kw::ScopeEntry | Kw::ScopeStarted | Kw::ScopeMilestone)), _) => {
                if ctx.progress.is_none() {
                    r.error(
                        file,
                        syn.span,
                        tr!("resolve-no-progress"),
                        tr!("resolve-no-progress-label"),
                        Some(tr!("resolve-no-progress-help")),
                    );
                }
                match kw {
                    Kw::ScopeEntry => Scope::Entry,
                    Kw::ScopeStarted => Scope::Started,
                    _ => Scope::Milestone,
                }
            }
            (Some(Kw::ScopeTotal), _) => Scope::Total {
                by: syn
                    .by
                    .iter()
                    .map(|d| match d.name.as_str() {
                        "jaar" | "year" => rs::Dim::Year,
                        name => match ctx.field_names.iter().position(|f| f == name) {
                            Some(i) if matches!(ctx.fields[i].kind, FieldKind::Links(_)) => rs::Dim::Links(i),
                            Some(_) => {
                                r.error(
                                    file,
                                    d.span,
                                    tr!("resolve-field-not-links", name = name),
                                    tr!("resolve-not-links-label"),
                                    None,
                                );
                                rs::Dim::Year
                            }
                            None => rs::Dim::Meta(name.to_owned()),
                        },
                    })
                    .collect(),
            },
            (None, Some((level, reg))) if is_kaderbrief(&reg.name) => {
                if !ctx.kaderbrief {
                    r.error(
                        file,
                        reg.span,
                        tr!("resolve-no-kaderbrief"),
                        tr!("resolve-no-kaderbrief-label"),
                        Some(tr!("resolve-no-kaderbrief-help")),
                    );
                }
                if !matches!(level.name.as_str(), "prioriteit" | "priority") {
                    r.unknown(file, level, "level", &["prioriteit"]);
                }
                Scope::Priority
            }
            (None, Some((level, reg))) => match (ctx.reg_index)(&reg.name) {
                Some(register) => {
                    let levels: Vec<&str> = ctx.registers[register].levels.iter().map(String::as_str).collect();
                    if !levels.contains(&level.name.as_str()) {
                        r.unknown(file, level, "level", &levels);
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
            tr!("resolve-no-requirement", id = d.id.name.as_str()),
            tr!("resolve-no-requirement-label"),
            Some(tr!("resolve-no-requirement-help")),
        );
        return None;
    };
    let expr = expr(r, ctx, &scope, expr_syn);
    // A total's message may name what it groups by: `{team}`, `{jaar}`, `{beleidslijn}`.
    let group_names: Vec<&str> = scope_syn.map_or(Vec::new(), |s| s.by.iter().map(|d| d.name.as_str()).collect());
    let check_template = |r: &mut Resolver, file: SourceId, s: &syntax::Str| check_template(r, file, s, &group_names);
    for s in english_templates {
        check_template(r, file, s);
    }
    let message_text = match (message, &d.title) {
        (Some(m), _) => {
            check_template(r, file, m);
            m.value.clone()
        }
        (None, Some(t)) => t.value.clone(),
        (None, None) => {
            r.error(
                file,
                d.id.span,
                tr!("resolve-no-message", id = d.id.name.as_str()),
                tr!("resolve-no-message-label"),
                Some(tr!("resolve-no-message-help")),
            );
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
    let plan_wide = expr.is_plan_wide()
        || matches!(
            scope,
            Scope::Node { .. } | Scope::Total { .. } | Scope::Priority | Scope::Started | Scope::Milestone
        );
    let after_waivers = expr.asks_used();
    Some(rs::Rule {
        id: d.id.name.clone(),
        severity: severity(d.severity.kw),
        enabled: true,
        title: d.title.as_ref().map(|t| t.value.clone()),
        scope,
        with,
        plan_wide,
        after_waivers,
        yields,
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

fn check_template(r: &mut Resolver, file: SourceId, s: &syntax::Str, groups: &[&str]) {
    let mut names: Vec<&str> = TEMPLATE_VARS.iter().map(|(n, _)| *n).collect();
    for g in groups {
        if !names.contains(g) {
            names.push(g);
        }
    }
    let mut search = 0;
    while let Some(open) = s.value[search..].find('{').map(|o| o + search) {
        let Some(close) = s.value[open..].find('}').map(|c| c + open) else {
            break;
        };
        let name = &s.value[open + 1..close];
        if !names.contains(&name) {
            let hint = match did_you_mean(name, names.iter().copied()) {
                Some(m) => crate::i18n::did_you_mean_code(&format!("{{{m}}}")),
                None => tr!(
                    "resolve-possible",
                    names = names.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")
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
                tr!("resolve-unknown-placeholder", name = name),
                tr!("resolve-unknown-placeholder-label"),
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
        Scope::Heading => &["id", "titel", "kop", "scheiding"],
        Scope::Field => &["waarde", "naam"],
        Scope::Name => &["naam"],
        Scope::Node { .. } | Scope::Priority => &["acties", "id", "titel"],
        Scope::Total { .. } => &["som"],
        Scope::Waiver => &["regel", "reden", "tot", "doel"],
        Scope::Entry => &["id", "titel"],
        Scope::Started => &["actie"],
        Scope::Milestone => &["mijlpaal"],
        // Any other name is a front-matter key.
        Scope::Document => &["acties", "veldkop", "bedragen"],
    };
    match (scope, name) {
        (Scope::Action | Scope::Heading | Scope::Node { .. } | Scope::Priority | Scope::Entry, "id") => {
            return Some(Subject::Id);
        }
        (Scope::Started, "actie" | "action") | (Scope::Milestone, "mijlpaal" | "milestone") => {
            return Some(Subject::Itself);
        }
        (Scope::Action | Scope::Heading | Scope::Node { .. } | Scope::Priority | Scope::Entry, "titel" | "title") => {
            return Some(Subject::Title);
        }
        (Scope::Heading, "kop" | "heading") => return Some(Subject::Heading),
        (Scope::Heading, "scheiding" | "separator") => return Some(Subject::Separator),
        (Scope::Document, "acties" | "actions") => return Some(Subject::NodeActions),
        (Scope::Document, "veldkop" | "field-heading") => return Some(Subject::FieldHeading),
        (Scope::Document, "bedragen" | "amounts") => return Some(Subject::DocAmounts),
        (Scope::Document, _) => return Some(Subject::Meta(name.to_owned())),
        (Scope::Name, "naam" | "name") => return Some(Subject::Name),
        (Scope::Field, "waarde" | "value") => return Some(Subject::Value),
        (Scope::Field, "naam" | "name") => return Some(Subject::Name),
        (Scope::Node { .. } | Scope::Priority, "acties" | "actions") => return Some(Subject::NodeActions),
        (Scope::Waiver, "regel" | "rule") => return Some(Subject::WaiverRule),
        (Scope::Waiver, "reden" | "reason") => return Some(Subject::WaiverReason),
        (Scope::Waiver, "tot" | "until") => return Some(Subject::WaiverUntil),
        (Scope::Waiver, "doel" | "target") => return Some(Subject::WaiverTarget),
        _ => {}
    }
    // An action's fields are the draft's; an entry's those of the `voortgang` block.
    // (In the other progress scopes: the fields of the entry that speaks of the action.)
    let has_fields = matches!(scope, Scope::Action) || scope.is_progress();
    let report = scope.is_progress();
    if has_fields
        && let Some(i) = ctx.field_names.iter().position(|f| f == name)
        && ctx.fields[i].report == report
    {
        return Some(Subject::Field(i));
    }
    let mut candidates: Vec<&str> = pseudo.to_vec();
    if has_fields {
        candidates.extend(
            ctx.fields
                .iter()
                .filter(|f| f.report == report)
                .map(|f| f.name.as_str()),
        );
    }
    let what = if has_fields { "field" } else { "subject" };
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
        tr!("resolve-wrong-kind", name = ident.name.as_str(), kind = decl),
        tr!("resolve-wrong-kind-label", kind = decl),
        Some(tr!("resolve-declare", name = ident.name.as_str(), decl = decl)),
    );
    None
}

fn expr(r: &mut Resolver, ctx: &Ctx<'_>, scope: &Scope, e: &syntax::Expr) -> Option<rs::Expr> {
    Some(match e {
        // Every operand is resolved (each problem reported), then the chain is whole or not.
        syntax::Expr::And(all) => {
            let all: Vec<Option<rs::Expr>> = all.iter().map(|e| expr(r, ctx, scope, e)).collect();
            rs::Expr::And(all.into_iter().collect::<Option<Vec<_>>>()?)
        }
        syntax::Expr::Or(all) => {
            let all: Vec<Option<rs::Expr>> = all.iter().map(|e| expr(r, ctx, scope, e)).collect();
            rs::Expr::Or(all.into_iter().collect::<Option<Vec<_>>>()?)
        }
        syntax::Expr::If(a, b) => {
            let (a, b) = (expr(r, ctx, scope, a), expr(r, ctx, scope, b));
            rs::Expr::If(Box::new(a?), Box::new(b?))
        }
        syntax::Expr::Not(a, _) => rs::Expr::Not(Box::new(expr(r, ctx, scope, a)?)),
        syntax::Expr::Test(t) => {
            if let syntax::Pred::Sum {
                field,
                unit,
                cmp,
                bound,
            } = &t.pred
            {
                return sum_test(r, ctx, scope, &t.subject, field, unit.as_ref(), *cmp, bound);
            }
            let subject = subject(r, ctx, scope, &t.subject)?;
            let link_register = |r: &mut Resolver| -> Option<usize> {
                match &subject {
                    Subject::Field(i) => match ctx.fields[*i].kind {
                        FieldKind::Links(reg) => Some(reg),
                        _ => {
                            r.error(
                                ctx.file,
                                t.subject.span,
                                tr!("resolve-field-not-links", name = t.subject.name.as_str()),
                                tr!("resolve-not-links-label"),
                                Some(tr!(
                                    "resolve-declare",
                                    name = t.subject.name.as_str(),
                                    decl = "verwijzing(<register>)"
                                )),
                            );
                            None
                        }
                    },
                    _ => {
                        r.error(
                            ctx.file,
                            t.subject.span,
                            tr!("resolve-not-links", name = t.subject.name.as_str()),
                            tr!("resolve-not-links-label"),
                            None,
                        );
                        None
                    }
                }
            };
            // The kind of field a time or dependency requirement needs, checked at the subject.
            // A waiver's `tot` is read as a time expression too.
            let time_field = |r: &mut Resolver| {
                if subject == Subject::WaiverUntil {
                    return Some(usize::MAX);
                }
                field_of_kind(r, ctx, &subject, &t.subject, FieldKind::Time, "tijd")
            };
            let actions_field =
                |r: &mut Resolver| field_of_kind(r, ctx, &subject, &t.subject, FieldKind::Actions, "acties");
            let pred = match &t.pred {
                syntax::Pred::Filled => rs::Pred::Filled,
                syntax::Pred::Matches(re) => rs::Pred::Matches(r.regex(ctx.file, re)?),
                syntax::Pred::Words(c, n) => rs::Pred::Words(*c, *n),
                syntax::Pred::Length(c, n) => rs::Pred::Length(*c, *n),
                syntax::Pred::Equals(s) => match (&subject, ctx.progress) {
                    (Subject::Field(i), Some(progress)) if ctx.fields[*i].kind == FieldKind::Status => {
                        match progress
                            .statuses
                            .iter()
                            .position(|st| st.name == s.value)
                            .or_else(|| progress.status_of(&s.value))
                        {
                            Some(st) => rs::Pred::HasStatus(st),
                            None => {
                                let names: Vec<&str> = progress.statuses.iter().map(|st| st.name.as_str()).collect();
                                let ident = syntax::Ident {
                                    name: s.value.clone(),
                                    span: s.span,
                                };
                                r.unknown(ctx.file, &ident, "status", &names);
                                return None;
                            }
                        }
                    }
                    _ => rs::Pred::Equals(s.value.clone()),
                },
                syntax::Pred::Unique => rs::Pred::Unique,
                syntax::Pred::WithoutPlaceholder => rs::Pred::WithoutPlaceholder,
                syntax::Pred::ExistsIn(reg) if reg.name == "plan" => {
                    // An entry names the plan's action by its own ID.
                    if !(*scope == Scope::Entry && subject == Subject::Id) {
                        actions_field(r)?;
                    }
                    rs::Pred::ActionsExist
                }
                syntax::Pred::Reported => {
                    if subject != Subject::Itself {
                        r.error(
                            ctx.file,
                            t.subject.span,
                            tr!("resolve-reported-scope"),
                            tr!("resolve-reported-scope-label"),
                            Some(tr!("resolve-reported-scope-help")),
                        );
                        return None;
                    }
                    rs::Pred::Reported
                }
                syntax::Pred::AfterCutoff => {
                    time_field(r)?;
                    if *scope != Scope::Entry {
                        r.error(
                            ctx.file,
                            t.subject.span,
                            tr!("resolve-cutoff-scope"),
                            tr!("resolve-cutoff-scope-label"),
                            None,
                        );
                        return None;
                    }
                    rs::Pred::AfterCutoff
                }
                syntax::Pred::FitsIn(other) => {
                    field_of_kind(r, ctx, &subject, &t.subject, FieldKind::Amount, "bedrag")?;
                    let planned = subject_field(r, ctx, other)?;
                    rs::Pred::FitsIn(field_of_kind(r, ctx, &planned, other, FieldKind::Amount, "bedrag")?)
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
                    let def = field_of_kind(r, ctx, &other_subject, other, FieldKind::Actions, "acties")?;
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
                syntax::Pred::AmountsReadable => {
                    field_of_kind(r, ctx, &subject, &t.subject, FieldKind::Amount, "bedrag")?;
                    rs::Pred::AmountsReadable
                }
                syntax::Pred::Sum { .. } => unreachable!("handled above"),
                syntax::Pred::ExistsIn(reg) if is_kaderbrief(&reg.name) => {
                    if !ctx.kaderbrief {
                        r.error(
                            ctx.file,
                            reg.span,
                            tr!("resolve-no-kaderbrief"),
                            tr!("resolve-no-kaderbrief-label"),
                            Some(tr!("resolve-no-kaderbrief-help")),
                        );
                        return None;
                    }
                    rs::Pred::TeamListed
                }
                syntax::Pred::Known => rs::Pred::Known,
                syntax::Pred::Used => {
                    if *scope != Scope::Waiver {
                        r.error(
                            ctx.file,
                            t.subject.span,
                            tr!("resolve-used-outside-waivers"),
                            tr!("resolve-used-outside-waivers-label"),
                            None,
                        );
                        return None;
                    }
                    rs::Pred::Used
                }
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
                            tr!("resolve-other-register", name = t.subject.name.as_str()),
                            tr!(
                                "resolve-other-register-label",
                                name = t.subject.name.as_str(),
                                register = ctx.reg_candidates.get(field_reg).map_or("?", |s| s.as_str())
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
                            r.unknown(ctx.file, l, "level", &known);
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

/// `som inzet euro <= kaderbrief euro`: only in `voor elk totaal`, over an amount field.
#[allow(clippy::too_many_arguments)]
fn sum_test(
    r: &mut Resolver,
    ctx: &Ctx<'_>,
    scope: &Scope,
    word: &syntax::Ident,
    field: &syntax::Ident,
    unit: Option<&syntax::Ident>,
    cmp: syntax::Cmp,
    bound: &syntax::Bound,
) -> Option<rs::Expr> {
    if !matches!(scope, Scope::Total { .. }) {
        r.error(
            ctx.file,
            word.span,
            tr!("resolve-sum-outside-total"),
            tr!("resolve-sum-outside-total-label"),
            Some(tr!("resolve-sum-outside-total-help")),
        );
        return None;
    }
    let summed = subject_field(r, ctx, field)?;
    let def = field_of_kind(r, ctx, &summed, field, FieldKind::Amount, "bedrag")?;
    let read_unit = |r: &mut Resolver, u: &syntax::Ident| match u.name.as_str() {
        "euro" => Some(rs::Unit::Euro),
        "fte" => Some(rs::Unit::Fte),
        _ => {
            r.unknown(ctx.file, u, "unit", &["euro", "fte"]);
            None
        }
    };
    let unit = match unit {
        Some(u) => Some(read_unit(r, u)?),
        None => None,
    };
    let bound = match bound {
        syntax::Bound::Number(n, _) => rs::Bound::Number(*n as f64),
        syntax::Bound::Frame { name, unit: frame_unit } => {
            if !is_kaderbrief(&name.name) {
                r.unknown(ctx.file, name, "bound", &["kaderbrief"]);
                return None;
            }
            if !ctx.kaderbrief {
                r.error(
                    ctx.file,
                    name.span,
                    tr!("resolve-no-kaderbrief"),
                    tr!("resolve-no-kaderbrief-label"),
                    Some(tr!("resolve-no-kaderbrief-help")),
                );
                return None;
            }
            if let Some(fu) = frame_unit {
                let fu_read = read_unit(r, fu)?;
                if unit != Some(fu_read) {
                    r.error(
                        ctx.file,
                        fu.span,
                        tr!("resolve-sum-unit-differs"),
                        tr!("resolve-sum-unit-differs-label"),
                        None,
                    );
                    return None;
                }
            }
            rs::Bound::Frame
        }
    };
    Some(rs::Expr::Test(rs::Test {
        subject: Subject::Sum(def),
        pred: rs::Pred::Total { unit, cmp, bound },
    }))
}
