//! The rules for the `commands`, `reasons` and `rules` sections: the commands are the known
//! ones, the reasons the ones the classifier names, and every rule is reached by each of its
//! own examples (not dead, not shadowed), with every phrase shown by one of them.

use std::collections::HashSet;

use crate::KNOWN_COMMANDS;
use crate::classify;
use crate::diagnostic::{Diagnostics, Report};
use crate::model::{EnhancedPattern, Registry, RuleEntry};

/// The reasons the classifier must have, as the issue that introduced it names them.
pub const REQUIRED_REASONS: &[&str] = &[
    "recipient_unknown",
    "recipient_disabled",
    "recipient_moved",
    "mailbox_full",
    "domain_unknown",
    "not_accepting",
    "relay_denied",
    "sender_rejected",
    "blocked",
    "authentication_failed",
    "spam",
    "virus",
    "policy",
    "rate_limited",
    "too_many_recipients",
    "message_too_big",
    "content_invalid",
    "security_required",
    "protocol_error",
    "system_error",
    "greylisted",
    "unknown",
];

/// Checks the three sections and returns every problem found.
pub(crate) fn validate_rules(registry: &Registry, file: &str) -> Diagnostics {
    let mut check = Check {
        report: Report::new(file),
    };
    check.commands(registry);
    check.reasons(registry);
    check.rules(registry);
    check.report.diagnostics
}

struct Check<'a> {
    report: Report<'a>,
}

impl Check<'_> {
    fn commands(&mut self, registry: &Registry) {
        if registry.commands.is_empty() && registry.rules.is_empty() {
            return;
        }
        let listed: Vec<&str> = registry.commands.iter().map(|c| c.name.as_str()).collect();
        for command in &registry.commands {
            let entry = format!("command {}", command.name);
            if !KNOWN_COMMANDS.contains(&command.name.as_str()) {
                self.report.error(
                    command.line,
                    &entry,
                    format!("not a known command; known: {}", KNOWN_COMMANDS.join(", ")),
                );
            }
            if command.description.trim().is_empty() {
                self.report
                    .error(command.line, &entry, "`description` is empty");
            }
        }
        let missing: Vec<&str> = KNOWN_COMMANDS
            .iter()
            .copied()
            .filter(|known| !listed.contains(known))
            .collect();
        if !missing.is_empty() {
            self.report.error(
                None,
                "commands",
                format!(
                    "every known command needs an entry; missing: {}",
                    missing.join(", ")
                ),
            );
        }
        let mut seen = HashSet::new();
        for name in listed {
            if !seen.insert(name) {
                self.report
                    .error(None, "commands", format!("`{name}` is listed twice"));
            }
        }
    }

    fn reasons(&mut self, registry: &Registry) {
        if registry.reasons.is_empty() && registry.rules.is_empty() {
            return;
        }
        let mut seen = HashSet::new();
        for reason in &registry.reasons {
            let entry = format!("reason {}", reason.name);
            let well_formed = reason.name.starts_with(|c: char| c.is_ascii_lowercase())
                && reason
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !well_formed {
                self.report
                    .error(reason.line, &entry, "a reason's name is snake_case");
            }
            if !seen.insert(reason.name.as_str()) {
                self.report.error(reason.line, &entry, "duplicate reason");
            }
            if reason.description.trim().is_empty() {
                self.report
                    .error(reason.line, &entry, "`description` is empty");
            }
            if !registry.rules.iter().any(|rule| rule.reason == reason.name) {
                self.report.error(
                    reason.line,
                    &entry,
                    "no rule gives this reason: add one, with a real reply it decides",
                );
            }
        }
        for required in REQUIRED_REASONS {
            if !seen.contains(required) {
                self.report.error(
                    None,
                    "reasons",
                    format!("the reason `{required}` is missing"),
                );
            }
        }
    }

    fn rules(&mut self, registry: &Registry) {
        let reasons: HashSet<&str> = registry.reasons.iter().map(|r| r.name.as_str()).collect();
        let providers: HashSet<&str> = registry.providers.iter().map(|p| p.id.as_str()).collect();
        let ordered = classify::in_order(registry);
        let mut ids = HashSet::new();
        for rule in &registry.rules {
            let entry = format!("rule {}", rule.id);
            let line = rule.line;
            if !ids.insert(rule.id.as_str()) {
                self.report.error(line, &entry, "duplicate rule id");
            }
            if !reasons.contains(rule.reason.as_str()) {
                self.report.error(
                    line,
                    &entry,
                    format!("`{}` is not among `reasons`", rule.reason),
                );
            }
            self.condition(rule, &providers, &entry);
            if rule.references.is_empty() {
                self.report.error(
                    line,
                    &entry,
                    "`references` is empty: say why the rule holds",
                );
            }
            if rule.examples.is_empty() {
                self.report.error(
                    line,
                    &entry,
                    "`examples` is empty: a rule needs a real reply it decides",
                );
            }
            self.examples(rule, &ordered, registry, &entry);
        }
        // Every reply must get an answer: a catch-all rule for each class.
        for class in 2..=5 {
            let catch_all = registry.rules.iter().any(|rule| {
                let when = &rule.condition;
                when.code == Some(class)
                    && when.provider.is_none()
                    && when.enhanced.is_none()
                    && when.commands.is_empty()
                    && when.phrases.is_empty()
            });
            if !catch_all && !registry.rules.is_empty() {
                self.report.error(
                    None,
                    "rules",
                    format!("no rule catches every {class}xx reply (`when: {{ code: {class} }}`)"),
                );
            }
        }
    }

    fn condition(&mut self, rule: &RuleEntry, providers: &HashSet<&str>, entry: &str) {
        let when = &rule.condition;
        let line = rule.line;
        if rule.fallback && (when.enhanced.is_none() || !when.phrases.is_empty()) {
            self.report.error(
                line,
                entry,
                "`fallback` is for a rule on an enhanced code alone, without phrases",
            );
        }
        if let Some(provider) = &when.provider {
            if !providers.contains(provider.as_str()) {
                self.report.error(
                    line,
                    entry,
                    format!("provider `{provider}` is not among `providers`"),
                );
            }
        }
        if let Some(code) = when.code {
            if !((2..=5).contains(&code) || (200..=599).contains(&code)) {
                self.report.error(
                    line,
                    entry,
                    format!(
                        "`code` {code} is neither a class (2 to 5) nor a reply code (200 to 599)"
                    ),
                );
            }
        }
        if let Some(pattern) = &when.enhanced {
            if EnhancedPattern::parse(pattern).is_none() {
                self.report.error(
                    line,
                    entry,
                    format!(
                        "`enhanced` `{pattern}` is none of `5.7.27`, `X.7.27`, `X.7.*`, \
                         `5.7.606-5.7.649`"
                    ),
                );
            }
        }
        for command in &when.commands {
            if !KNOWN_COMMANDS.contains(&command.as_str()) {
                self.report
                    .error(line, entry, format!("unknown command `{command}`"));
            }
        }
        for phrase in &when.phrases {
            if phrase.trim().is_empty() || phrase.contains(['\r', '\n']) {
                self.report.error(
                    line,
                    entry,
                    format!("phrase {phrase:?} can never match: it is blank or spans lines"),
                );
            }
        }
    }

    fn examples(
        &mut self,
        rule: &RuleEntry,
        ordered: &[&RuleEntry],
        registry: &Registry,
        entry: &str,
    ) {
        let line = rule.line;
        let mut shown: HashSet<String> = HashSet::new();
        for (index, example) in rule.examples.iter().enumerate() {
            let what = format!("{entry}, example {}", index + 1);
            let Some(seen) = classify::read(&example.reply) else {
                self.report.error(
                    line,
                    &what,
                    "the reply does not end with a line that starts with a reply code",
                );
                continue;
            };
            if let Some(command) = &example.command {
                if !KNOWN_COMMANDS.contains(&command.as_str()) {
                    self.report
                        .error(line, &what, format!("unknown command `{command}`"));
                }
            }
            for phrase in &rule.condition.phrases {
                if seen.lower.contains(&phrase.to_ascii_lowercase()) {
                    shown.insert(phrase.clone());
                }
            }
            if let Some(provider) = &example.provider {
                if !registry.providers.iter().any(|p| &p.id == provider) {
                    self.report.error(
                        line,
                        &what,
                        format!("provider `{provider}` is not among `providers`"),
                    );
                }
            }
            let provider = classify::provider(&seen, registry).or(example.provider.as_deref());
            let decided = classify::decide(ordered, &seen, provider, example.command.as_deref());
            match decided {
                Some(winner) if winner.id == rule.id => {}
                Some(winner) => self.report.error(
                    line,
                    &what,
                    format!(
                        "rule {} decides this example first, so it never reaches this rule \
                         (move the rule, narrow the other, or pick another example)",
                        winner.id
                    ),
                ),
                None => self.report.error(
                    line,
                    &what,
                    "no rule decides this example, not even this one",
                ),
            }
        }
        for phrase in &rule.condition.phrases {
            if !shown.contains(phrase) {
                self.report.error(
                    line,
                    entry,
                    format!(
                        "phrase {phrase:?} is in none of the rule's examples: show that it \
                     can match"
                    ),
                );
            }
        }
    }
}
