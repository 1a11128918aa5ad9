//! `kader explain RULE`: one rule with its examples, each checked and shown as kader reports it.

use std::io::Write;

use super::{Context, ExitStatus, say_error, setup};
use crate::cli::ExplainArgs;
use crate::diagnostic::Diagnostic;
use crate::engine::check_text;
use crate::i18n::{self, tr};
use crate::lang::ruleset::Example;
use crate::render;
use crate::ruletest;

pub fn run(args: ExplainArgs, ctx: &Context, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitStatus {
    let Some(setup) = setup(ctx, args.rules.as_ref(), stderr) else {
        return ExitStatus::Error;
    };
    let options = ctx.options(&setup);
    i18n::with_lang(setup.lang, || {
        let rules = &*setup.rules;
        let Some(rule) = rules.rule(&args.rule) else {
            let hint = match crate::lang::keywords::did_you_mean(&args.rule, rules.rules.iter().map(|r| r.id.as_str()))
            {
                Some(m) => i18n::did_you_mean_code(m),
                None => tr!("explain-see-rules"),
            };
            say_error(
                stderr,
                &tr!("config-no-such-rule", rule = args.rule.as_str()),
                Some(&hint),
            );
            return ExitStatus::Error;
        };
        let example = |ex: &Example| {
            let draft = ruletest::without_markers(&ex.text);
            let (sources, diags) = check_text(rules, &tr!("explain-example-file"), &draft, &options);
            let own: Vec<Diagnostic> = diags.into_iter().filter(|d| d.rule == rule.id).collect();
            let mut out = Vec::new();
            let _ = render::human::render_all(&own, &sources, &mut out);
            let text = String::from_utf8_lossy(&anstream::adapter::strip_bytes(&out).into_vec()).into_owned();
            render::catalogue::Example { draft, output: text }
        };
        let bad: Vec<_> = rule.examples_bad.iter().map(example).collect();
        let good: Vec<_> = rule.examples_good.iter().map(example).collect();
        let _ = render::catalogue::explain(rules, rule, &bad, &good, stdout);
        ExitStatus::Success
    })
}
