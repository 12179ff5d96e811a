//! `serde` support: a [`ReplyCode`] is a number (`550`), an [`EnhancedCode`] a string
//! (`"5.1.1"`); both are validated when deserialized.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{EnhancedCode, ReplyCode};

impl Serialize for ReplyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.as_u16())
    }
}

impl<'de> Deserialize<'de> for ReplyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(deserializer)?;
        ReplyCode::from_u16(code).map_err(de::Error::custom)
    }
}

impl Serialize for EnhancedCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EnhancedCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EnhancedVisitor;

        impl Visitor<'_> for EnhancedVisitor {
            type Value = EnhancedCode;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enhanced status code such as \"5.1.1\"")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<EnhancedCode, E> {
                EnhancedCode::parse(value).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(EnhancedVisitor)
    }
}
