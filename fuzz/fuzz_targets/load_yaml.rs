//! Fuzzes the data loader and validator: any text gives a registry or diagnostics, never a
//! panic, and every diagnostic names the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    match codegen::load_str(source, "fuzz.yaml") {
        Ok(registry) => {
            if let Err(diagnostics) = codegen::validate(&registry, "fuzz.yaml") {
                assert!(diagnostics.0.iter().all(|d| d.file == "fuzz.yaml"));
            }
        }
        Err(diagnostics) => {
            assert!(!diagnostics.0.is_empty());
            assert!(diagnostics.0.iter().all(|d| d.file == "fuzz.yaml"));
        }
    }
});
