//! The keys of `#[smtp(...)]`, written once: the parser matches on them, messages name them,
//! "did you mean" hints choose among them, and a test holds the macro's documentation to them.

/// `code = 550` or `code = MAILBOX_UNAVAILABLE`: the reply code (also written bare, first).
pub(crate) const CODE: &str = "code";
/// `enhanced = "5.1.1"`: the enhanced status code (also written bare, as a string).
pub(crate) const ENHANCED: &str = "enhanced";
/// `transparent`: forward to the one field's `SmtpReply`.
pub(crate) const TRANSPARENT: &str = "transparent";
/// `undocumented`: the code, or the enhanced code, is deliberately one the table lacks.
pub(crate) const UNDOCUMENTED: &str = "undocumented";
/// `crate = "path"`: where smtp-codes is, for crates that re-export it.
pub(crate) const CRATE: &str = "crate";

/// The keys written `key = value`.
pub(crate) const VALUE_KEYS: [&str; 3] = [CODE, ENHANCED, CRATE];
/// The keys written alone.
pub(crate) const FLAGS: [&str; 2] = [TRANSPARENT, UNDOCUMENTED];

/// The attribute of thiserror's derive whose `transparent` the derive looks for: a variant that
/// forwards its message should say what it does about its reply code.
pub(crate) const THISERROR_ERROR: &str = "error";

/// Names people reach for that mean one of the keys, for "did you mean" hints that spelling
/// alone would not find.
pub(crate) const SYNONYMS: [(&str, &str); 8] = [
    ("enhanced_code", ENHANCED),
    ("enhanced_status", ENHANCED),
    ("enhanced_status_code", ENHANCED),
    ("status", ENHANCED),
    ("status_code", ENHANCED),
    ("reply_code", CODE),
    ("reply", CODE),
    ("basic_code", CODE),
];

/// Everything an attribute may hold, for messages that list it.
pub(crate) fn expected() -> String {
    format!(
        "expected a reply code (`550` or a constant name such as `MAILBOX_UNAVAILABLE`), an \
         enhanced code string (`\"5.1.1\"`), `{CODE} = …`, `{ENHANCED} = \"…\"`, \
         `{TRANSPARENT}`, `{UNDOCUMENTED}`, or `{CRATE} = \"…\"`"
    )
}

/// The key `name` most likely stands for, if any.
pub(crate) fn did_you_mean(name: &str) -> Option<&'static str> {
    SYNONYMS
        .iter()
        .find(|(synonym, _)| *synonym == name)
        .map(|(_, key)| *key)
        .or_else(|| {
            VALUE_KEYS
                .into_iter()
                .chain(FLAGS)
                .map(|key| (crate::errors::edit_distance(key, name), key))
                .filter(|(distance, _)| *distance <= 2)
                .min()
                .map(|(_, key)| key)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The macro's documentation shows every key in use.
    #[test]
    fn the_documentation_names_every_key() {
        let docs: String = include_str!("lib.rs")
            .lines()
            .filter_map(|line| line.trim_start().strip_prefix("///"))
            .collect();
        for key in VALUE_KEYS {
            assert!(
                docs.contains(&format!("{key} = ")),
                "`{key} = …` is not documented"
            );
        }
        for flag in FLAGS {
            assert!(
                docs.contains(&format!("{flag})]")),
                "`{flag}` is not documented"
            );
        }
    }

    #[test]
    fn hints() {
        assert_eq!(did_you_mean("enhanced_code"), Some(ENHANCED));
        assert_eq!(did_you_mean("status"), Some(ENHANCED));
        assert_eq!(did_you_mean("reply_code"), Some(CODE));
        assert_eq!(did_you_mean("cod"), Some(CODE));
        assert_eq!(did_you_mean("transparant"), Some(TRANSPARENT));
        assert_eq!(did_you_mean("undocumneted"), Some(UNDOCUMENTED));
        assert_eq!(did_you_mean("reason"), None);
    }
}
