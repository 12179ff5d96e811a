//! Renders the JSON Schemas (draft 2020-12) of `data/smtp-codes.yaml` and of the JSON export.
//!
//! The data file's schema says what [`crate::load`] reads (every field of [`crate::model`],
//! which are required, unknown ones refused) and what [`crate::validate`] checks of one field at
//! a time (ranges, patterns, the known commands and statuses), so an editor with a YAML language
//! server flags a misspelt field or a malformed code while it is typed. What needs more than one
//! entry (order, uniqueness, cross-references) is codegen's alone. A test compares the fields
//! and required fields here with the model's, so a field added to one and not the other fails.

use crate::json::Json;
use crate::model::Status;
use crate::render_json::{LICENSE, SECTIONS, header};
use crate::{KNOWN_COMMANDS, MAX_TABLE_ENTRIES};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Every `Status`, in the order the docs list them.
const STATUSES: [Status; 4] = Status::ALL;

/// One to three digits without a leading zero: a subject or a detail.
const NUMBER: &str = "(0|[1-9][0-9]{0,2})";

/// Text that is not empty, has no white space at either end and no control character but the
/// line feed: what `validate` accepts as a description or a note.
const PROSE: &str = "^[^\\s\\u0000-\\u001f\\u007f-\\u009f]\
                     ([^\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f]*\
                     [^\\s\\u0000-\\u001f\\u007f-\\u009f])?$";

/// [`PROSE`] on one line: what `validate` accepts as a reply text.
const LINE: &str = "^[^\\s\\u0000-\\u001f\\u007f-\\u009f]\
                    ([^\\u0000-\\u001f\\u007f-\\u009f]*\
                    [^\\s\\u0000-\\u001f\\u007f-\\u009f])?$";

const URL: &str = "^https?://\\S+$";
const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const SECTION: &str = "^([A-Z]|[0-9]{1,3})(\\.[0-9]{1,3})*$";
const CONSTANT: &str = "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$";
const PROVIDER_ID: &str = "^[a-z][a-z0-9-]*$";
const HOST: &str = "^(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$";
const VERSION: &str = "^[0-9]+\\.[0-9]+\\.[0-9]+$";

/// `X.<subject>.<detail>`, as `enhanced_codes` and `replaced_by` write a code.
fn enhanced_key() -> String {
    format!("^X\\.{NUMBER}\\.{NUMBER}$")
}

/// `<class>.<subject>.<detail>`, a code as a server sends it.
fn enhanced_code() -> String {
    format!("^[245]\\.{NUMBER}\\.{NUMBER}$")
}

/// One code, or a range of details (`5.7.606-5.7.649`); that both ends share the class and
/// subject needs a back-reference, which not every validator has, so codegen checks it.
fn enhanced_range() -> String {
    format!("^[245]\\.{NUMBER}\\.{NUMBER}(-[245]\\.{NUMBER}\\.{NUMBER})?$")
}

/// The JSON Schema of `data/smtp-codes.yaml`, as `exports/smtp-codes.schema.json` holds it.
pub fn render_data_schema() -> String {
    let sections = Object::new(
        "The schema of data/smtp-codes.yaml, the source of the smtp-codes tables. It checks \
         each entry's shape and fields; codegen (`cargo xtask codegen`) also checks order, \
         uniqueness and cross-references.",
    )
    .required(
        "classes",
        array_of(
            "class",
            "The four reply classes: 2, 3, 4 and 5, in that order.",
        )
        .with("minItems", 4_u8)
        .with("maxItems", 4_u8),
    )
    .required(
        "subjects",
        array_of(
            "subject",
            "The enhanced-status subjects (the middle number), ascending.",
        ),
    )
    .required(
        "reply_codes",
        array_of(
            "reply_code",
            "One entry per documented three-digit reply code, ascending.",
        )
        .with("maxItems", MAX_TABLE_ENTRIES),
    )
    .required(
        "enhanced_codes",
        array_of(
            "enhanced_code",
            "One entry per `X.<subject>.<detail>` code of the IANA SMTP Enhanced Status \
                 Codes registry, ascending by subject, then detail.",
        )
        .with("maxItems", MAX_TABLE_ENTRIES),
    )
    .required(
        "rfcs",
        array_of(
            "rfc",
            "Every RFC the other sections cite, with its title, ascending; an RFC cited \
                 anywhere is listed, and one listed is cited.",
        ),
    )
    .optional(
        "providers",
        array_of(
            "provider",
            "What large mail providers document their codes to mean, beside the \
                 registry's meanings.",
        ),
    )
    .optional(
        "commands",
        array_of(
            "command_entry",
            "The SMTP commands a reply can answer, as rules and their examples name them.",
        ),
    )
    .optional(
        "reasons",
        array_of(
            "reason",
            "Why a reply failed, as a sender acts on it; codegen requires some by name.",
        ),
    )
    .optional(
        "rules",
        array_of(
            "rule",
            "How a reply is classified: tried by layer (provider, enhanced code, phrases, \
             fallback, code alone), then in this order; the first that holds decides.",
        ),
    );
    document("smtp-codes data file", sections, data_defs())
}

/// The `$defs` of the data file's schema.
fn data_defs() -> Vec<(&'static str, Json)> {
    vec![
        ("reference", data_reference()),
        ("class", data_class()),
        ("subject", data_subject()),
        ("command", command()),
        ("commands", commands().with("uniqueItems", true)),
        ("reply_text", data_reply_text()),
        ("seen_after", data_seen_after()),
        ("reply_code", data_reply_code()),
        ("enhanced_code", data_enhanced_code()),
        ("rfc", data_rfc()),
        ("provider", data_provider()),
        ("provider_document", data_provider_document()),
        (
            "mx_host",
            data_fingerprint(
                "An MX host name that identifies the provider, with where it is shown.",
                "The host, or `*.domain` for any subdomain.",
                HOST,
            ),
        ),
        (
            "fingerprint",
            data_fingerprint(
                "Text in a reply that identifies the provider, with where it is shown.",
                "The text (blanks at its ends count).",
                "\\S",
            ),
        ),
        ("provider_code", data_provider_code()),
        ("command_entry", data_command_entry()),
        ("reason", data_reason()),
        ("rule", data_rule()),
        ("rule_condition", data_rule_condition()),
        ("rule_example", data_rule_example()),
    ]
}

/// The JSON Schema of `exports/smtp-codes.json`, as `exports/smtp-codes-export.schema.json`
/// holds it.
pub fn render_export_schema() -> String {
    let mut top = Object::new(
        "The schema of exports/smtp-codes.json: everything data/smtp-codes.yaml holds, with \
         what the docs compute beside it. Every object of a kind has the same keys in the same \
         order; what the data leaves out is null.",
    )
    .required("$comment", string("What generated the file."))
    .required(
        "version",
        pattern(
            "The version of the data: the smtp-codes release that ships the same table.",
            VERSION,
        ),
    )
    .required(
        "registry_snapshot",
        pattern(
            "The date of the copy of IANA's SMTP Enhanced Status Codes registry the table \
                 follows (its `updated`), YYYY-MM-DD.",
            DATE,
        ),
    )
    .required(
        "license",
        described(
            "The licence of this project's data. Provider documents state their own \
                 (`providers[].documents[].licence` and `attribution`), which the rows taken \
                 from them carry.",
            [("const", LICENSE.into())],
        ),
    );
    let mut defs = vec![
        ("reference", export_reference()),
        ("command", command()),
        ("commands", commands()),
    ];
    for section in SECTIONS {
        top = top.required(section.key, array_of(section.item, ""));
        defs.push((section.item, (section.item_schema)()));
    }
    document("smtp-codes export", top, defs)
}

/// A schema document: the header, the draft, a title, the top-level object and its `$defs`.
fn document<'a>(
    title: &str,
    top: Object,
    defs: impl IntoIterator<Item = (&'a str, Json)>,
) -> String {
    let mut fields = vec![
        ("$comment", header().into()),
        ("$schema", DRAFT.into()),
        ("title", title.into()),
    ];
    fields.extend(top.fields());
    fields.push(("$defs", Json::object(defs)));
    Json::object(fields).to_pretty_string()
}

fn command() -> Json {
    described(
        "An SMTP command; `CONNECT` stands for the greeting when a connection opens, `ANY` for \
         any command.",
        [("enum", Json::array(KNOWN_COMMANDS.iter().copied()))],
    )
}

fn commands() -> Json {
    described(
        "",
        [("type", "array".into()), ("items", def_ref("command", ""))],
    )
}

fn data_reference() -> Json {
    Object::new(
        "A document: an RFC (`rfc`, optionally `section`), or another document (`name`, \
         optionally `url`).",
    )
    .optional("rfc", int("The RFC number.", 1, u16::MAX))
    .optional(
        "section",
        pattern(
            "The section of the RFC, as dot-separated numbers (\"4.2.3\"), or an appendix: a \
             capital letter, then numbers (\"E\", \"A.1\").",
            SECTION,
        ),
    )
    .optional("name", prose("The name of a document that is not an RFC."))
    .optional(
        "url",
        pattern("Where a document that is not an RFC can be read.", URL),
    )
    .with(
        "oneOf",
        Json::Array(vec![
            forbids(requires(&["rfc"]), &["name", "url"]),
            forbids(requires(&["name"]), &["rfc", "section"]),
        ]),
    )
    .build()
}

fn data_class() -> Json {
    Object::new("One reply class: the meaning of a reply code's first digit.")
        .required("class", int("The digit.", 2, 5))
        .required(
            "name",
            prose("The RFC 5321 name, e.g. \"Positive Completion\"."),
        )
        .required("description", prose("This project's description."))
        .required(
            "references",
            references("Where the class is defined (at least one)."),
        )
        .build()
}

fn data_subject() -> Json {
    Object::new("One enhanced-status subject (RFC 3463, section 3).")
        .required("subject", int("The subject number.", 0, 999))
        .required(
            "name",
            prose("The registry's name, e.g. \"Addressing Status\"."),
        )
        .required("description", prose("This project's description."))
        .required(
            "references",
            references("Where the subject is defined (at least one)."),
        )
        .build()
}

fn data_reply_text() -> Json {
    Object::new("A reply text as a document gives it.")
        .required(
            "text",
            line(
                "The text, without the code and without the RFC's parenthetical remarks \
                 (those go in `notes`).",
            ),
        )
        .required(
            "reference",
            def_ref("reference", "The document that gives this wording."),
        )
        .build()
}

fn data_seen_after() -> Json {
    Object::new(
        "Commands servers are documented to answer with the code although the RFCs do not \
         list them there.",
    )
    .required(
        "commands",
        def_ref("commands", "The commands (none of the entry's `commands`).")
            .with("minItems", 1_u8),
    )
    .required(
        "references",
        references("Where servers are documented doing so (at least one)."),
    )
    .build()
}

fn data_reply_code() -> Json {
    let statuses = STATUSES.iter().map(|s| s.as_str());
    let cite_rfcs = STATUSES
        .iter()
        .filter(|s| **s != Status::NonStandard)
        .map(|s| s.as_str());
    Object::new("One three-digit reply code.")
        .required("code", int("The code.", 200, 599))
        .required(
            "name",
            pattern(
                "The Rust constant name: SCREAMING_SNAKE_CASE, unique (MAILBOX_UNAVAILABLE).",
                CONSTANT,
            ),
        )
        .required(
            "status",
            described(
                "How the code is standardised: `standard` (RFC 5321 or an RFC that updates it \
                 for every server), `extension` (an SMTP service extension's RFC), `obsolete` \
                 (only an obsolete or historic RFC), `non-standard` (no RFC defines it; servers \
                 are documented to send it).",
                [("enum", Json::array(statuses))],
            ),
        )
        .optional(
            "texts",
            array_of(
                "reply_text",
                "The reply texts documents give, each with its source; one per wording.",
            ),
        )
        .optional(
            "commands",
            def_ref(
                "commands",
                "The commands that may return it, as the RFCs allow.",
            ),
        )
        .optional(
            "seen_after",
            def_ref(
                "seen_after",
                "Commands servers are documented to answer with this code beyond what the \
                 RFCs allow.",
            ),
        )
        .optional(
            "alias_of",
            pattern(
                "Only for `non-standard` codes: the enhanced status code whose digits the \
                 number is (\"5.1.1\" for 511).",
                &enhanced_code(),
            ),
        )
        .required(
            "references",
            references(
                "The documents that define or describe it (at least one; an RFC unless the \
                 code is `non-standard`).",
            ),
        )
        .required(
            "description",
            prose("What the code means, in this project's own words."),
        )
        .optional(
            "notes",
            prose("History, disagreements between sources, non-standard uses."),
        )
        .with(
            "if",
            property("status", Json::object([("enum", Json::array(cite_rfcs))])),
        )
        .with(
            "then",
            property(
                "references",
                Json::object([("contains", requires(&["rfc"]))]),
            ),
        )
        .with(
            "dependentSchemas",
            Json::object([(
                "alias_of",
                property(
                    "status",
                    Json::object([("const", Status::NonStandard.as_str().into())]),
                ),
            )]),
        )
        .build()
}

fn data_enhanced_code() -> Json {
    let deprecated = property("deprecated", Json::object([("const", true.into())]))
        .with("required", Json::array(["deprecated"]));
    Object::new("One `X.<subject>.<detail>` entry of the IANA SMTP Enhanced Status Codes registry.")
        .required(
            "code",
            pattern(
                "The code as the registry writes it: `X.<subject>.<detail>`, 1 to 3 digits \
                 each, no leading zeros.",
                &enhanced_key(),
            ),
        )
        .optional(
            "title",
            prose("The registry's title (may be absent only when deprecated)."),
        )
        .required(
            "classes",
            described(
                "The classes the code is meaningful with, ascending.",
                [
                    ("type", "array".into()),
                    ("items", Json::object([("enum", Json::array([2_u8, 4, 5]))])),
                    ("minItems", 1_u8.into()),
                    ("uniqueItems", true.into()),
                ],
            ),
        )
        .required(
            "associated_codes",
            described(
                "The basic reply codes the registry associates with it, ascending; each is a \
                 `reply_codes` entry.",
                [
                    ("type", "array".into()),
                    ("items", int("", 200, 599)),
                    ("uniqueItems", true.into()),
                ],
            ),
        )
        .optional(
            "associated_note",
            prose("The registry's wording where it is not a plain list of codes (\"Any\")."),
        )
        .required(
            "references",
            references("The documents that define it (at least one)."),
        )
        .optional(
            "deprecated",
            boolean("Whether the registry marks it deprecated (default false)."),
        )
        .optional(
            "replaced_by",
            pattern(
                "Only on a deprecated entry: the entry to use instead, which is not \
                 deprecated; the class carries over (5.6.10 becomes 5.6.8).",
                &enhanced_key(),
            ),
        )
        .required("description", prose("This project's description."))
        .optional("notes", prose("History and disagreements between sources."))
        .with("if", deprecated.clone())
        .with("else", requires(&["title"]))
        .with(
            "dependentSchemas",
            Json::object([("replaced_by", deprecated)]),
        )
        .build()
}

fn data_rfc() -> Json {
    Object::new("An RFC the table cites.")
        .required("rfc", int("The RFC number.", 1, u16::MAX))
        .required("title", prose("Its title, as the RFC Editor gives it."))
        .build()
}

fn data_provider() -> Json {
    Object::new("One mail provider: its documents, how to recognise it, and its documented codes.")
        .required(
            "id",
            pattern(
                "Lower-case identifier (`google`); the Rust variant is its camel case.",
                PROVIDER_ID,
            ),
        )
        .required("name", prose("Display name (`Google`)."))
        .required("description", prose("This project's one-line description."))
        .required(
            "documents",
            array_of(
                "provider_document",
                "The documents its codes come from (at least one).",
            )
            .with("minItems", 1_u8),
        )
        .optional(
            "mx_hosts",
            array_of("mx_host", "MX host names that identify the provider."),
        )
        .optional(
            "fingerprints",
            array_of(
                "fingerprint",
                "Text in a reply that identifies the provider.",
            ),
        )
        .required(
            "codes",
            array_of("provider_code", "The documented codes (at least one).")
                .with("minItems", 1_u8),
        )
        .build()
}

fn data_provider_document() -> Json {
    Object::new("A document a provider's codes come from, with the copy that was read.")
        .required(
            "id",
            string("Identifier the codes refer to.").with("minLength", 1_u8),
        )
        .required("name", prose("Title."))
        .required("url", pattern("Where the provider publishes it.", URL))
        .optional(
            "copy",
            pattern(
                "Where the copy that was read can be found (an archive or a repository), if \
                 not `url`.",
                URL,
            ),
        )
        .required(
            "retrieved",
            pattern("The date of that copy, YYYY-MM-DD.", DATE),
        )
        .required(
            "licence",
            prose("Its licence, as the provider states it (`CC BY 4.0`), or `unknown`."),
        )
        .optional(
            "attribution",
            string("The attribution the licence asks for, if any."),
        )
        .build()
}

fn data_fingerprint(description: &str, text: &str, text_pattern: &str) -> Json {
    Object::new(description)
        .optional("text", pattern(text, text_pattern))
        .optional(
            "pattern",
            pattern("The older name of `text`.", text_pattern).with("deprecated", true),
        )
        .required(
            "source",
            string("Where it is shown (a URL or a repository path).").with("minLength", 1_u8),
        )
        .with(
            "oneOf",
            Json::Array(vec![requires(&["text"]), requires(&["pattern"])]),
        )
        .build()
}

fn data_provider_code() -> Json {
    let differs = property(
        "differs_from_registry",
        Json::object([("const", true.into())]),
    )
    .with("required", Json::array(["differs_from_registry"]));
    Object::new(
        "One documented code of a provider: an enhanced code or a range of them, the basic \
         code if the document gives one, the texts the provider sends, and the meaning.",
    )
    .optional(
        "reply",
        int(
            "The basic reply code, when the document gives one.",
            200,
            599,
        ),
    )
    .optional(
        "enhanced",
        pattern(
            "`class.subject.detail`, or a range of details `class.subject.low-class.subject.high` \
             within one class and subject.",
            &enhanced_range(),
        ),
    )
    .optional(
        "texts",
        described(
            "Reply texts exactly as the document shows them, one line each.",
            [("type", "array".into()), ("items", line(""))],
        ),
    )
    .required(
        "description",
        prose("What the provider means by it, in this project's own words."),
    )
    .required(
        "document",
        string("The `id` of the provider's document it comes from.").with("minLength", 1_u8),
    )
    .optional(
        "differs_from_registry",
        boolean(
            "Whether the provider's meaning differs from the registry's for the same number: a \
             judgement, only for enhanced codes the registry has (default false).",
        ),
    )
    .with(
        "anyOf",
        Json::Array(vec![requires(&["reply"]), requires(&["enhanced"])]),
    )
    .with("if", differs)
    .with("then", requires(&["enhanced"]))
    .build()
}

fn export_reference() -> Json {
    Object::new("A document: an RFC (`rfc`, `section`) or another document (`name`).")
        .required(
            "label",
            string(
                "How the docs name it: \"RFC 5321, section 4.2.3\", \"RFC 3464, appendix E\", \
                 \"RFC 1846\", or its name.",
            ),
        )
        .required("rfc", nullable("integer", "The RFC number, for an RFC."))
        .required(
            "section",
            nullable("string", "The section or appendix of the RFC."),
        )
        .required(
            "name",
            nullable("string", "The name of a document that is not an RFC."),
        )
        .required(
            "url",
            nullable(
                "string",
                "Where it can be read: the RFC Editor's page (and section anchor) for an RFC, \
                 the given URL otherwise.",
            ),
        )
        .build()
}

/// The schema of one item of the export's `classes`.
pub(crate) fn export_class() -> Json {
    Object::new("One reply class.")
        .required("class", int("The digit.", 2, 5))
        .required("name", string("The RFC 5321 name."))
        .required("description", string("This project's description."))
        .required(
            "references",
            export_references("Where the class is defined."),
        )
        .build()
}

/// The schema of one item of the export's `subjects`.
pub(crate) fn export_subject() -> Json {
    Object::new("One enhanced-status subject.")
        .required("subject", int("The subject number.", 0, 999))
        .required("name", string("The registry's name."))
        .required("description", string("This project's description."))
        .required(
            "references",
            export_references("Where the subject is defined."),
        )
        .build()
}

/// The schema of one item of the export's `reply_codes`.
pub(crate) fn export_reply_code() -> Json {
    let text = Object::new("A reply text as a document gives it.")
        .required("text", string("The text."))
        .required(
            "reference",
            def_ref("reference", "The document that gives it."),
        )
        .build();
    let seen_after = Object::new(
        "Commands servers are documented to answer with the code beyond what the RFCs allow.",
    )
    .required("commands", def_ref("commands", "The commands."))
    .required(
        "references",
        export_references("Where servers are documented doing so."),
    )
    .build();
    Object::new("One three-digit reply code.")
        .required("code", int("The code.", 200, 599))
        .required("name", string("The constant name (MAILBOX_UNAVAILABLE)."))
        .required("class", int("The first digit.", 2, 5))
        .required(
            "status",
            described(
                "How the code is standardised.",
                [("enum", Json::array(STATUSES.iter().map(|s| s.as_str())))],
            ),
        )
        .required(
            "texts",
            described(
                "The reply texts documents give, each with its source.",
                [("type", "array".into()), ("items", text)],
            ),
        )
        .required(
            "commands",
            def_ref(
                "commands",
                "The commands that may return it, as the RFCs allow.",
            ),
        )
        .required(
            "seen_after",
            described(
                "Commands servers are documented to answer with it beyond the RFCs, or null.",
                [(
                    "anyOf",
                    Json::Array(vec![seen_after, Json::object([("type", "null".into())])]),
                )],
            ),
        )
        .required(
            "alias_of",
            nullable(
                "string",
                "For a non-standard number that is an enhanced code without its dots, that code.",
            ),
        )
        .required(
            "references",
            export_references("The documents that define or describe it."),
        )
        .required("description", string("This project's description."))
        .required(
            "notes",
            nullable(
                "string",
                "History, disagreements between sources, non-standard uses.",
            ),
        )
        .build()
}

/// The schema of one item of the export's `enhanced_codes`.
pub(crate) fn export_enhanced_code() -> Json {
    Object::new("One entry of the IANA SMTP Enhanced Status Codes registry.")
        .required("code", pattern("`X.<subject>.<detail>`.", &enhanced_key()))
        .required("subject", int("The subject.", 0, 999))
        .required("detail", int("The detail.", 0, 999))
        .required(
            "title",
            nullable(
                "string",
                "The registry's title (null only for some deprecated entries).",
            ),
        )
        .required(
            "classes",
            described(
                "The classes the code is meaningful with.",
                [
                    ("type", "array".into()),
                    ("items", Json::object([("enum", Json::array([2_u8, 4, 5]))])),
                ],
            ),
        )
        .required(
            "associated_codes",
            described(
                "The basic reply codes the registry associates with it.",
                [("type", "array".into()), ("items", int("", 200, 599))],
            ),
        )
        .required(
            "associated_note",
            nullable(
                "string",
                "The registry's wording where it is not a plain list of codes.",
            ),
        )
        .required(
            "deprecated",
            boolean("Whether the registry marks it deprecated."),
        )
        .required(
            "replaced_by",
            nullable(
                "string",
                "For a deprecated entry, the entry to use instead.",
            ),
        )
        .required(
            "references",
            export_references("The documents that define it."),
        )
        .required("description", string("This project's description."))
        .required(
            "notes",
            nullable("string", "History and disagreements between sources."),
        )
        .build()
}

/// The schema of one item of the export's `rfcs`.
pub(crate) fn export_rfc() -> Json {
    Object::new("An RFC the table cites.")
        .required("rfc", int("The RFC number.", 1, u16::MAX))
        .required("title", string("Its title."))
        .required("url", pattern("The RFC Editor's page.", URL))
        .build()
}

/// The schema of one item of the export's `providers`.
pub(crate) fn export_provider() -> Json {
    let fingerprint = Object::new("A host name or reply text that identifies the provider.")
        .required(
            "text",
            string("The host (`*.` for any subdomain) or the text."),
        )
        .required("source", string("Where it is shown."))
        .build();
    let list = |description: &str, items: Json| {
        described(description, [("type", "array".into()), ("items", items)])
    };
    Object::new("One mail provider.")
        .required("id", pattern("Lower-case identifier.", PROVIDER_ID))
        .required("name", string("Display name."))
        .required(
            "description",
            string("This project's one-line description."),
        )
        .required(
            "documents",
            list(
                "The documents its codes come from.",
                export_provider_document(),
            ),
        )
        .required(
            "mx_hosts",
            list(
                "MX host names that identify the provider.",
                fingerprint.clone(),
            ),
        )
        .required(
            "fingerprints",
            list("Text in a reply that identifies the provider.", fingerprint),
        )
        .required(
            "codes",
            list(
                "The documented codes, in the data's order.",
                export_provider_code(),
            ),
        )
        .build()
}

fn export_provider_document() -> Json {
    Object::new("A document the provider's codes come from.")
        .required("id", string("Identifier the codes refer to."))
        .required("name", string("Title."))
        .required("url", string("Where the provider publishes it."))
        .required(
            "copy",
            nullable(
                "string",
                "Where the copy that was read can be found, if not `url`.",
            ),
        )
        .required("retrieved", pattern("The date of that copy.", DATE))
        .required(
            "licence",
            string("Its licence, as the provider states it, or `unknown`."),
        )
        .required(
            "attribution",
            nullable(
                "string",
                "The attribution the licence asks for; give it wherever rows from this \
                 document are shown.",
            ),
        )
        .build()
}

fn export_provider_code() -> Json {
    Object::new("One documented code of the provider.")
        .required(
            "reply",
            nullable(
                "integer",
                "The basic reply code, when the document gives one.",
            ),
        )
        .required(
            "enhanced",
            nullable(
                "string",
                "`class.subject.detail`, or a range of details (`5.7.606-5.7.649`).",
            ),
        )
        .required(
            "texts",
            described(
                "Reply texts exactly as documented.",
                [("type", "array".into()), ("items", string(""))],
            ),
        )
        .required(
            "description",
            string("What the provider means by it, in this project's own words."),
        )
        .required(
            "document",
            string("The `id` of the document it comes from."),
        )
        .required(
            "differs_from_registry",
            boolean(
                "The provider's meaning differs from the registry's for the same enhanced code \
                 (a judgement in the data).",
            ),
        )
        .required(
            "unregistered",
            boolean("The registry has no entry for any code of the row (computed)."),
        )
        .required(
            "class_mismatch",
            boolean(
                "The document pairs the enhanced code with a basic code of another class \
                 (computed).",
            ),
        )
        .build()
}

/// `5.7.27`, `X.7.27`, `X.7.*`, or a range of details (`5.7.606-5.7.649`, `X.7.20-X.7.24`).
fn enhanced_pattern() -> String {
    format!("^[245X]\\.{NUMBER}\\.(\\*|{NUMBER}(-[245X]\\.{NUMBER}\\.{NUMBER})?)$")
}

const SNAKE: &str = "^[a-z][a-z0-9_]*$";
const KEBAB: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
const SCOPES: [&str; 5] = ["recipient", "message", "sender", "host", "session"];
const RETRIES: [&str; 3] = ["not_needed", "later", "do_not_retry"];

fn one_of(description: &str, values: &[&str]) -> Json {
    described(description, [("enum", Json::array(values.iter().copied()))])
}

fn data_command_entry() -> Json {
    Object::new("An SMTP command a reply can answer.")
        .required(
            "name",
            def_ref("command", "The command, as codegen knows it."),
        )
        .required("description", prose("What it is, in this project's words."))
        .build()
}

fn data_reason() -> Json {
    Object::new("Why a reply failed.")
        .required("name", pattern("snake_case name.", SNAKE))
        .required(
            "description",
            prose("What it means, in this project's words."),
        )
        .required(
            "scope",
            one_of("What a failure for this reason concerns.", &SCOPES),
        )
        .optional(
            "suppress",
            boolean(
                "Whether a permanent failure for this reason means: stop sending to the \
                 address (default false).",
            ),
        )
        .build()
}

fn data_rule() -> Json {
    Object::new("A classification rule: what a reply must show, and the reason it gives.")
        .required("id", pattern("kebab-case identifier, unique.", KEBAB))
        .required("reason", pattern("A `reasons` name.", SNAKE))
        .required(
            "when",
            def_ref("rule_condition", "What the reply must show."),
        )
        .optional(
            "retry",
            one_of("Whether to retry, against what the codes say.", &RETRIES),
        )
        .optional(
            "suppress",
            boolean("Whether to stop sending to the address, against the reason's default."),
        )
        .optional(
            "scope",
            one_of(
                "What the failure concerns, against the reason's default.",
                &SCOPES,
            ),
        )
        .optional(
            "fallback",
            boolean(
                "A rule on an enhanced code too vague to decide alone: tried after the phrase \
                 rules (default false).",
            ),
        )
        .required(
            "references",
            references("Why the rule holds (at least one)."),
        )
        .required(
            "examples",
            array_of(
                "rule_example",
                "Real replies the rule decides (at least one).",
            )
            .with("minItems", 1_u8),
        )
        .build()
}

fn data_rule_condition() -> Json {
    Object::new("What a reply must show for a rule to apply; every part given must hold.")
        .optional("provider", pattern("A `providers` id.", PROVIDER_ID))
        .optional(
            "code",
            described(
                "A class (2 to 5) or a reply code (200 to 599).",
                [
                    ("type", "integer".into()),
                    ("minimum", 2_u16.into()),
                    ("maximum", 599_u16.into()),
                ],
            ),
        )
        .optional(
            "enhanced",
            pattern(
                "The final line's enhanced code: `5.7.27`, `X.7.27`, `X.7.*` or a range.",
                &enhanced_pattern(),
            ),
        )
        .optional("commands", commands())
        .optional(
            "phrases",
            described(
                "Text of which the reply holds at least one, ignoring ASCII case.",
                [("type", "array".into()), ("items", line(""))],
            ),
        )
        .build()
}

fn data_rule_example() -> Json {
    Object::new("A real reply a rule decides.")
        .required(
            "reply",
            string("The reply, lines separated by CRLF.").with("minLength", 3_u8),
        )
        .optional(
            "command",
            def_ref("command", "The command it answered, when known."),
        )
        .optional(
            "provider",
            pattern(
                "The provider it comes from, when the text carries no fingerprint.",
                PROVIDER_ID,
            ),
        )
        .required("source", def_ref("reference", "Where it comes from."))
        .build()
}

/// The schema of one item of the export's `commands`.
pub(crate) fn export_command_entry() -> Json {
    Object::new("An SMTP command a reply can answer.")
        .required("name", def_ref("command", ""))
        .required("description", string("What it is."))
        .build()
}

/// The schema of one item of the export's `reasons`.
pub(crate) fn export_reason() -> Json {
    Object::new("Why a reply failed.")
        .required("name", string("snake_case name."))
        .required("description", string("What it means."))
        .required("scope", one_of("What a failure for it concerns.", &SCOPES))
        .required(
            "suppress",
            boolean("Whether a permanent failure for it means: stop sending to the address."),
        )
        .build()
}

/// The schema of one item of the export's `rules`.
pub(crate) fn export_rule() -> Json {
    let when = Object::new("What the reply must show; null or empty parts are not checked.")
        .required("provider", nullable("string", "A `providers` id."))
        .required(
            "code",
            nullable("integer", "A class (2 to 5) or a reply code."),
        )
        .required("enhanced", nullable("string", "An enhanced-code pattern."))
        .required("commands", commands())
        .required(
            "phrases",
            described(
                "Text of which the reply holds one, ignoring ASCII case.",
                [("type", "array".into()), ("items", string(""))],
            ),
        )
        .build();
    let example = Object::new("A real reply the rule decides.")
        .required("reply", string("The reply, lines separated by CRLF."))
        .required("command", nullable("string", "The command it answered."))
        .required(
            "provider",
            nullable("string", "The provider it comes from."),
        )
        .required("source", def_ref("reference", "Where it comes from."))
        .build();
    let nullable_enum = |description: &str, values: &[&str]| {
        let mut values: Vec<Json> = values.iter().map(|v| Json::from(*v)).collect();
        values.push(Json::Null);
        described(description, [("enum", Json::Array(values))])
    };
    Object::new("A classification rule.")
        .required("id", string("Identifier."))
        .required(
            "order",
            described(
                "Its position in the order rules are tried, from 1.",
                [("type", "integer".into()), ("minimum", 1_u8.into())],
            ),
        )
        .required("reason", string("The `reasons` name it gives."))
        .required("when", when)
        .required(
            "fallback",
            boolean("Tried after the phrase rules: an enhanced code too vague alone."),
        )
        .required(
            "retry",
            nullable_enum("Whether to retry, when not as the codes say.", &RETRIES),
        )
        .required(
            "suppress",
            nullable(
                "boolean",
                "Whether to stop sending to the address, when not the reason's default.",
            ),
        )
        .required(
            "scope",
            nullable_enum(
                "What the failure concerns, when not the reason's default.",
                &SCOPES,
            ),
        )
        .required("references", export_references("Why the rule holds."))
        .required(
            "examples",
            described(
                "Real replies it decides.",
                [("type", "array".into()), ("items", example)],
            ),
        )
        .build()
}

fn export_references(description: &str) -> Json {
    array_of("reference", description)
}

/// An object schema being built: its properties in order, which are required, and further
/// keywords; it allows no other property (the loader refuses unknown fields, and the export
/// has none).
struct Object {
    description: String,
    properties: Vec<(&'static str, Json)>,
    required: Vec<&'static str>,
    keywords: Vec<(&'static str, Json)>,
}

impl Object {
    fn new(description: &str) -> Self {
        Self {
            description: description.to_owned(),
            properties: Vec::new(),
            required: Vec::new(),
            keywords: Vec::new(),
        }
    }

    fn required(mut self, key: &'static str, schema: Json) -> Self {
        self.required.push(key);
        self.optional(key, schema)
    }

    fn optional(mut self, key: &'static str, schema: Json) -> Self {
        self.properties.push((key, schema));
        self
    }

    fn with(mut self, keyword: &'static str, value: Json) -> Self {
        self.keywords.push((keyword, value));
        self
    }

    fn build(self) -> Json {
        Json::object(self.fields())
    }

    fn fields(self) -> Vec<(&'static str, Json)> {
        let mut fields = Vec::new();
        if !self.description.is_empty() {
            fields.push(("description", self.description.into()));
        }
        fields.extend([
            ("type", "object".into()),
            ("properties", Json::object(self.properties)),
        ]);
        if !self.required.is_empty() {
            fields.push(("required", Json::array(self.required)));
        }
        fields.push(("additionalProperties", false.into()));
        fields.extend(self.keywords);
        fields
    }
}

/// `{"description": …}` then the rest, leaving out an empty description.
fn described<'a>(description: &str, rest: impl IntoIterator<Item = (&'a str, Json)>) -> Json {
    let mut fields = Vec::new();
    if !description.is_empty() {
        fields.push(("description", description.into()));
    }
    fields.extend(rest);
    Json::object(fields)
}

/// A subschema that holds when the object has `keys`.
fn requires(keys: &[&str]) -> Json {
    Json::object([("required", Json::array(keys.iter().copied()))])
}

/// `schema`, and none of `keys` present.
fn forbids(schema: Json, keys: &[&str]) -> Json {
    schema.with(
        "properties",
        Json::object(keys.iter().map(|key| (*key, Json::Bool(false)))),
    )
}

/// A subschema on one property of an object.
fn property(key: &str, schema: Json) -> Json {
    Json::object([("properties", Json::object([(key, schema)]))])
}

fn def_ref(name: &str, description: &str) -> Json {
    described(description, [("$ref", format!("#/$defs/{name}").into())])
}

fn array_of(def: &str, description: &str) -> Json {
    described(
        description,
        [("type", "array".into()), ("items", def_ref(def, ""))],
    )
}

fn references(description: &str) -> Json {
    array_of("reference", description).with("minItems", 1_u8)
}

fn string(description: &str) -> Json {
    described(description, [("type", "string".into())])
}

fn nullable(kind: &str, description: &str) -> Json {
    described(description, [("type", Json::array([kind, "null"]))])
}

fn pattern(description: &str, pattern: &str) -> Json {
    string(description).with("pattern", pattern)
}

fn prose(description: &str) -> Json {
    pattern(description, PROSE)
}

fn line(description: &str) -> Json {
    pattern(description, LINE)
}

fn boolean(description: &str) -> Json {
    described(description, [("type", "boolean".into())])
}

fn int(description: &str, minimum: u16, maximum: u16) -> Json {
    described(
        description,
        [
            ("type", "integer".into()),
            ("minimum", minimum.into()),
            ("maximum", maximum.into()),
        ],
    )
}
