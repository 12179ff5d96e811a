//! Replies on the wire: a streaming, zero-copy parser that accepts what real servers send and
//! says exactly what was odd, and a renderer that writes correct reply lines.

pub(crate) mod anomaly;
#[cfg(feature = "tokio-codec")]
pub(crate) mod codec;
pub(crate) mod error;
#[cfg(feature = "alloc")]
pub(crate) mod owned;
pub(crate) mod render;
pub(crate) mod reply;
pub(crate) mod scan;
