//! Helpers shared by codegen's tests: telling whether the table's prose repeats someone else's.

/// How many words in a row make a copied phrase.
pub(crate) const RUN: usize = 5;

/// Lower-case words, for comparing prose.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Text prepared for [`copied_runs`]: its words, space-separated and space-framed.
pub(crate) fn phrases(text: &str) -> String {
    format!(" {} ", words(text).join(" "))
}

/// Every run of [`RUN`] words of `ours` that also stands in `theirs` (from [`phrases`]).
pub(crate) fn copied_runs(ours: &str, theirs: &str) -> Vec<String> {
    words(ours)
        .windows(RUN)
        .map(|run| run.join(" "))
        .filter(|run| theirs.contains(&format!(" {run} ")))
        .collect()
}

/// The runs of [`RUN`] words that an entry's description and notes share with `theirs` (from
/// [`phrases`]), each labelled with the entry, as `label: "run"`.
pub(crate) fn copied_prose(
    label: &dyn std::fmt::Display,
    description: &str,
    notes: Option<&str>,
    theirs: &str,
) -> Vec<String> {
    std::iter::once(description)
        .chain(notes)
        .flat_map(|text| copied_runs(text, theirs))
        .map(|run| format!("{label}: \"{run}\""))
        .collect()
}
