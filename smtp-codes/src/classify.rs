//! Why a reply failed and what to do about it: [`Reply::classify`](crate::Reply::classify)
//! tries the classification rules of the data file, as data, in order, and answers with a
//! [`Classification`]: the [`Reason`], whether to retry, whether to stop sending to the
//! address, what the failure concerns, and the rule that decided, with its sources.

use core::fmt;

use crate::generated::{REASON_TABLE, RULES, ReasonRow};
pub use crate::generated::{Rule, RuleExample, Scope};
use crate::{EnhancedCode, Provider, Reply, ReplyCode, Retry};

pub use crate::generated::{Command, Reason};

impl Command {
    /// The command's name as the data writes it: `RCPT`, `DATA_END` (the end of the message
    /// data), `CONNECT` (the greeting).
    pub const fn name(self) -> &'static str {
        crate::generated::COMMAND_NAMES[self as usize]
    }

    /// Every command, in the order of the data file.
    pub const ALL: &'static [Command] = &crate::generated::COMMANDS;

    /// The command named `name` (ASCII case ignored), including the pseudo-commands
    /// `CONNECT` and `DATA_END`; `MAIL FROM` and `RCPT TO` are accepted as written in logs.
    ///
    /// ```
    /// use smtp_codes::Command;
    ///
    /// assert_eq!(Command::from_name("rcpt"), Some(Command::Rcpt));
    /// assert_eq!(Command::from_name("RCPT TO"), Some(Command::Rcpt));
    /// assert_eq!(Command::from_name("DATA_END"), Some(Command::DataEnd));
    /// assert_eq!(Command::from_name("FROB"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Command> {
        let name = name.trim();
        let name = match name.split_once(' ') {
            Some((verb, rest))
                if rest.eq_ignore_ascii_case("TO") || rest.eq_ignore_ascii_case("FROM") =>
            {
                verb
            }
            _ => name,
        };
        crate::generated::COMMANDS
            .iter()
            .copied()
            .find(|command| command.name().eq_ignore_ascii_case(name))
    }

    /// What the command is, in this project's words.
    pub const fn description(self) -> &'static str {
        crate::generated::COMMAND_DESCRIPTIONS[self as usize]
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Reason {
    /// Every reason, in the order of the data file.
    pub const ALL: &'static [Reason] = &crate::generated::REASONS;

    const fn row(self) -> &'static ReasonRow {
        &REASON_TABLE[self as usize]
    }

    /// The reason's name, such as `recipient_unknown`.
    pub const fn name(self) -> &'static str {
        self.row().name
    }

    /// What it means, in this project's words.
    pub const fn description(self) -> &'static str {
        self.row().description
    }

    /// What a failure for this reason concerns, unless a rule says otherwise.
    pub const fn scope(self) -> Scope {
        self.row().scope
    }

    /// Whether a permanent failure for this reason means the address itself is bad.
    pub const fn suppresses(self) -> bool {
        self.row().suppress
    }

    /// The reason named `name`.
    pub fn from_name(name: &str) -> Option<Reason> {
        crate::generated::REASONS
            .iter()
            .copied()
            .find(|reason| reason.name() == name)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The methods of [`Rule`] that compute something; the accessors of its fields are generated
/// with the struct.
impl Rule {
    /// Every rule, in the order they are tried.
    pub const ALL: &'static [Rule] = &RULES;

    /// Whether every condition of the rule but its phrases holds for a reply with these codes,
    /// provider and command: the part [`Reply::classify`](crate::Reply::classify) checks
    /// before it searches the text.
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, ReplyCode, Rule};
    ///
    /// let spf = Rule::ALL.iter().find(|rule| rule.id() == "google-spf").unwrap();
    /// let code = ReplyCode::from_u16(550).unwrap();
    /// let enhanced = EnhancedCode::parse("5.7.27").ok();
    /// assert!(!spf.holds_apart_from_phrases(code, enhanced, None, None));
    /// ```
    pub fn holds_apart_from_phrases(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        provider: Option<Provider>,
        command: Option<Command>,
    ) -> bool {
        if self.provider.is_some() && self.provider != provider {
            return false;
        }
        let code = code.as_u16();
        // A rule that names no code speaks of failures: it never decides a 2xx or 3xx reply.
        let code_holds = match self.code {
            0 => code >= 400,
            class @ 2..=5 => code / 100 == class,
            exact => code == exact,
        };
        if !code_holds {
            return false;
        }
        if let Some((class, subject, first, last)) = self.enhanced {
            let Some(enhanced) = enhanced else {
                return false;
            };
            if (class != 0 && enhanced.class().digit() != class)
                || enhanced.subject() != subject
                || enhanced.detail() < first
                || enhanced.detail() > last
            {
                return false;
            }
        }
        self.commands.is_empty() || command.is_some_and(|c| self.commands.contains(&c))
    }

    /// Whether the rule holds for a reply with these codes, provider, command and bytes;
    /// `pairs` are the byte pairs of `raw`. Inlined into the loop over the rules (measured:
    /// called, it costs some 1,900 instructions per classified reply).
    #[inline]
    fn holds(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        provider: Option<Provider>,
        command: Option<Command>,
        raw: &[u8],
        pairs: &BytePairs,
    ) -> bool {
        if !self.holds_apart_from_phrases(code, enhanced, provider, command) {
            return false;
        }
        if self.phrases.is_empty() {
            return true;
        }
        self.phrases
            .iter()
            .zip(self.phrase_pairs)
            .any(|(phrase, needed)| {
                pairs.may_hold(*needed) && contains_ignoring_case(raw, phrase.as_bytes())
            })
    }
}

/// Whether `haystack` holds `needle` (lower case), ignoring ASCII case.
/// The set of adjacent byte pairs a text holds, ASCII case ignored, folded into 1024 bits: a
/// phrase with a pair the text lacks cannot occur in it. A phrase keeps three of its pairs
/// ([`Probes`]), so most phrases are ruled out with three bit tests instead of a search. (The
/// set may claim pairs the text lacks, never the reverse, so a search confirms every match.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct BytePairs([u64; WORDS]);

/// 64-bit words in a [`BytePairs`].
const WORDS: usize = 16;

/// Up to [`PROBES`] byte pairs of a phrase, spread over it, as slots of a [`BytePairs`]: a
/// text whose set lacks one of them cannot hold the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Probes {
    slots: [u16; PROBES],
    len: u8,
}

/// The most pairs a [`Probes`] keeps.
const PROBES: usize = 8;

impl Probes {
    /// The probes of `phrase`; `const` so the generated tables hold them.
    #[allow(clippy::cast_possible_truncation)] // `count` is at most `PROBES`.
    pub(crate) const fn of(phrase: &[u8]) -> Probes {
        let mut probes = Probes {
            slots: [0; PROBES],
            len: 0,
        };
        if phrase.len() < 2 {
            return probes;
        }
        let pairs = phrase.len() - 1;
        let count = if pairs < PROBES { pairs } else { PROBES };
        let mut k = 0;
        while k < count {
            // Spread over the phrase: the first and the last pair, and evenly between.
            let i = if count == 1 {
                0
            } else {
                k * (pairs - 1) / (count - 1)
            };
            probes.slots[k] = Self::pair(phrase, i);
            k += 1;
        }
        probes.len = count as u8;
        probes
    }

    /// The slot of the pair at `i`: always below 1024, so it fits.
    #[allow(clippy::cast_possible_truncation)]
    const fn pair(phrase: &[u8], i: usize) -> u16 {
        BytePairs::slot(phrase[i], phrase[i + 1]) as u16
    }
}

impl BytePairs {
    /// The pairs of `text`.
    pub(crate) fn of_text(text: &[u8]) -> BytePairs {
        let mut bits = [0_u64; WORDS];
        for (&first, &second) in text.iter().zip(text.iter().skip(1)) {
            let slot = Self::slot(first, second);
            bits[slot >> 6] |= 1 << (slot & 63);
        }
        BytePairs(bits)
    }

    /// The low five bits of each byte, side by side: ASCII letters keep their identity and
    /// lose their case (bit 5), other bytes share slots with letters, which only makes the
    /// set claim a little more.
    const fn slot(first: u8, second: u8) -> usize {
        ((first & 0x1f) as usize) << 5 | (second & 0x1f) as usize
    }

    const fn has(&self, slot: u16) -> bool {
        let slot = slot as usize;
        self.0[slot >> 6] & (1 << (slot & 63)) != 0
    }

    /// Whether a text with these pairs may hold a phrase with `probes`.
    pub(crate) fn may_hold(&self, probes: Probes) -> bool {
        probes.slots[..usize::from(probes.len)]
            .iter()
            .all(|&slot| self.has(slot))
    }
}

fn contains_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return false;
    };
    let upper = first.to_ascii_uppercase();
    let mut start = 0;
    while let Some(offset) = haystack
        .get(start..)
        .and_then(|tail| tail.iter().position(|&b| b == first || b == upper))
    {
        let at = start + offset;
        let candidate = haystack.get(at + 1..at + 1 + rest.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(rest)) {
            return true;
        }
        start = at + 1;
    }
    false
}

/// Why a reply failed and what to do, as the rule that decided it says. See
/// [`Reply::classify`](crate::Reply::classify).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Classification {
    rule: &'static Rule,
    retry: Retry,
    suppress: bool,
    scope: Scope,
}

impl Classification {
    /// Classifies a reply's parts: the rules are tried in order and the first that holds
    /// decides. Every reply gets an answer (the data has a rule for each class).
    pub(crate) fn of(
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        provider: Option<Provider>,
        command: Option<Command>,
        raw: &[u8],
    ) -> Classification {
        // One pass over the text serves the provider's fingerprints and every phrase.
        let pairs = BytePairs::of_text(raw);
        let provider = provider.or_else(|| Provider::from_reply_text_with(raw, &pairs));
        let rule = RULES
            .iter()
            .find(|rule| rule.holds(code, enhanced, provider, command, raw, &pairs))
            .unwrap_or(&crate::generated::UNCLASSIFIED);
        let retry = rule.retry.unwrap_or_else(|| Retry::of(code, enhanced));
        let suppress = rule
            .suppress
            .unwrap_or(rule.reason.suppresses() && retry == Retry::DoNotRetry);
        let scope = rule.scope.unwrap_or(rule.reason.scope());
        Classification {
            rule,
            retry,
            suppress,
            scope,
        }
    }

    /// Why it failed.
    pub const fn reason(&self) -> Reason {
        self.rule.reason
    }

    /// Whether to retry.
    pub const fn retry(&self) -> Retry {
        self.retry
    }

    /// Whether the address itself is bad: stop sending to it.
    pub const fn suppress_recipient(&self) -> bool {
        self.suppress
    }

    /// What the failure concerns.
    pub const fn scope(&self) -> Scope {
        self.scope
    }

    /// The rule that decided, with its sources and examples.
    pub const fn rule(&self) -> &'static Rule {
        self.rule
    }
}

impl fmt::Display for Classification {
    /// `recipient_unknown (permanent failure: do not retry until something changes; stop
    /// sending to this address; concerns the recipient; rule bad-mailbox)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}; {}; concerns the {}; rule {})",
            self.reason(),
            self.retry.advice(),
            if self.suppress {
                "stop sending to this address"
            } else {
                "keep the address"
            },
            self.scope,
            self.rule.id
        )
    }
}

impl Reply<'_> {
    /// Why the reply failed and what to do, given the command it answered when known (a `550`
    /// at RCPT and a `550` after the end of data mean different things). The provider is the
    /// one [`provider`](Reply::provider) detects. Allocation-free.
    ///
    /// ```
    /// use smtp_codes::{Command, Reason, Reply, Retry};
    ///
    /// let (reply, _) = Reply::parse(b"550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Please check the address. d75a77b69052e - gsmtp\r\n")?;
    /// let why = reply.classify(Some(Command::Rcpt));
    /// assert_eq!(why.reason(), Reason::RecipientUnknown);
    /// assert_eq!(why.retry(), Retry::DoNotRetry);
    /// assert!(why.suppress_recipient());
    /// println!("{why} because of {}", why.rule().references()[0]);
    /// # Ok::<(), smtp_codes::ParseError>(())
    /// ```
    pub fn classify(&self, command: Option<Command>) -> Classification {
        self.classify_with(command, None)
    }

    /// [`classify`](Self::classify) with the provider a client knows from the MX host it
    /// connected to ([`Provider::from_mx_host`]); `None` uses the one the reply's fingerprint
    /// names, as `classify` does.
    pub fn classify_with(
        &self,
        command: Option<Command>,
        provider: Option<Provider>,
    ) -> Classification {
        Classification::of(self.code, self.enhanced, provider, command, self.raw)
    }
}

#[cfg(test)]
mod tests {
    use super::{BytePairs, Probes};

    #[test]
    fn the_pair_set_never_rules_out_a_phrase_the_text_holds() {
        let text = b"550-5.7.1 [192.0.2.1] Client host BLOCKED using zen.Spamhaus.org\r\n";
        let pairs = BytePairs::of_text(text);
        for phrase in [
            "blocked using",
            "spamhaus",
            "client host",
            "5.7.1 [",
            "g\r\n",
            "x",
        ] {
            assert!(pairs.may_hold(Probes::of(phrase.as_bytes())), "{phrase}");
        }
        assert!(!pairs.may_hold(Probes::of(b"mailbox full")));
        assert!(BytePairs::of_text(b"").may_hold(Probes::of(b"a")));
    }
}
