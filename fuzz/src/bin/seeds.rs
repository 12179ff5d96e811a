//! Writes the fuzzers' seed corpora from the repository's own data: every reply of
//! `smtp-codes/tests/data/*.tsv` for `parse`, their texts for `render`, the codes of the table
//! for `codes`, and the data file for `load_yaml`. Run from the repository root:
//! `cargo run --manifest-path fuzz/Cargo.toml --bin seeds`.

use std::fs;
use std::path::Path;

/// Undoes the corpus escapes (`\r`, `\n`, `\t`, `\0`, `\\`, `\xHH`).
fn unescape(field: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = field.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        if byte != b'\\' || rest.is_empty() {
            out.push(byte);
            continue;
        }
        let (escape, tail) = rest.split_first().unwrap();
        rest = tail;
        match escape {
            b'r' => out.push(b'\r'),
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'0' => out.push(0),
            b'x' if rest.len() >= 2 => {
                let hex = std::str::from_utf8(&rest[..2]).unwrap_or("3f");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                rest = &rest[2..];
            }
            other => out.push(*other),
        }
    }
    out
}

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let corpus = root.join("fuzz/corpus");
    for target in ["parse", "render", "codes", "load_yaml"] {
        fs::create_dir_all(corpus.join(target))?;
    }
    let mut count = 0;
    for file in ["real-replies.tsv", "malformed-replies.tsv"] {
        let tsv = fs::read_to_string(root.join("smtp-codes/tests/data").join(file))?;
        for (i, row) in tsv.lines().skip(1).enumerate() {
            let Some(reply) = row.split('\t').nth(1) else {
                continue;
            };
            let mut bytes = unescape(reply);
            if file == "real-replies.tsv" {
                bytes.extend_from_slice(b"\r\n");
            }
            fs::write(corpus.join("parse").join(format!("{file}-{i}")), &bytes)?;
            // The render target reads its tuple from raw bytes: the reply makes a fair start.
            fs::write(corpus.join("render").join(format!("{file}-{i}")), &bytes)?;
            count += 1;
        }
    }
    for code in smtp_codes::REPLY_CODES {
        let name = code.code().to_string();
        fs::write(corpus.join("codes").join(&name), &name)?;
    }
    for info in smtp_codes::ENHANCED_CODES {
        for class in info.classes() {
            let name = format!("{}.{}.{}", class.digit(), info.subject(), info.detail());
            fs::write(corpus.join("codes").join(&name), &name)?;
        }
    }
    fs::copy(
        root.join("data/smtp-codes.yaml"),
        corpus.join("load_yaml/smtp-codes.yaml"),
    )?;
    println!(
        "wrote {count} replies and every code under {}",
        corpus.display()
    );
    Ok(())
}
