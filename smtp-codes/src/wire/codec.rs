//! [`ReplyCodec`]: replies on an async byte stream, as a `tokio_util::codec` `Decoder` and
//! `Encoder` (feature `tokio-codec`).

use core::fmt;

use bytes::{Buf, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use crate::wire::owned::OwnedReply;
use crate::wire::render::Renderer;
use crate::wire::reply::{Parser, StreamParser};
use crate::{ParseError, RenderError, SmtpReply};

/// Reads replies off an async byte stream and writes them (feature `tokio-codec`).
///
/// As a `Decoder` it yields each reply as an [`OwnedReply`], parsing with a [`StreamParser`] so
/// a reply that arrives in many reads costs no more than one that arrives whole; as an
/// `Encoder` it writes any [`SmtpReply`] with a `Display` text through a [`Renderer`], the way
/// [`write_reply_of`](crate::write_reply_of) does.
///
/// A client reads replies with `FramedRead::new(socket, ReplyCodec::new())`. A malformed reply
/// is an error ([`CodecError::Parse`]) whose bytes the codec has already dropped, so a caller
/// that drives the `Decoder` itself can go on with the next reply; `FramedRead` ends the stream
/// at the first error, as it does for every decoder.
///
/// ```
/// use bytes::BytesMut;
/// use smtp_codes::ReplyCodec;
/// use tokio_util::codec::Decoder;
///
/// let mut codec = ReplyCodec::new();
/// let mut buffer = BytesMut::from(&b"250-mx.example.org\r\n250 SIZE"[..]);
/// assert!(codec.decode(&mut buffer)?.is_none()); // wait for the final line
/// buffer.extend_from_slice(b" 35882577\r\n354 go ahead\r\n");
/// assert_eq!(codec.decode(&mut buffer)?.unwrap().code(), 250);
/// assert_eq!(codec.decode(&mut buffer)?.unwrap().code(), 354);
/// # Ok::<(), smtp_codes::CodecError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReplyCodec {
    stream: Option<StreamParser>,
    renderer: Renderer,
}

impl ReplyCodec {
    /// A codec that parses leniently with the default limits and renders without SMTPUTF8.
    pub const fn new() -> ReplyCodec {
        ReplyCodec {
            stream: None,
            renderer: Renderer::new(),
        }
    }

    /// The same, parsing with `parser` (strict mode, SMTPUTF8, limits).
    #[must_use]
    pub const fn with_parser(mut self, parser: Parser) -> ReplyCodec {
        self.stream = Some(StreamParser::new(parser));
        self
    }

    /// The same, rendering with `renderer` (SMTPUTF8).
    #[must_use]
    pub const fn with_renderer(mut self, renderer: Renderer) -> ReplyCodec {
        self.renderer = renderer;
        self
    }
}

impl Decoder for ReplyCodec {
    type Item = OwnedReply;
    type Error = CodecError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<OwnedReply>, CodecError> {
        let stream = self
            .stream
            .get_or_insert_with(|| StreamParser::new(Parser::new()));
        match stream.parse(src) {
            Ok((reply, used)) => {
                let owned = reply.to_owned_reply();
                src.advance(used);
                Ok(Some(owned))
            }
            Err(ParseError::Incomplete) => Ok(None),
            Err(error) => {
                if let Some(skip) = error.skip() {
                    src.advance(skip);
                }
                Err(CodecError::Parse(error))
            }
        }
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<OwnedReply>, CodecError> {
        match self.decode(src)? {
            Some(reply) => Ok(Some(reply)),
            None if src.is_empty() => Ok(None),
            // The peer closed the connection in the middle of a reply.
            None => {
                src.clear();
                Err(CodecError::Parse(ParseError::Incomplete))
            }
        }
    }
}

impl<T: SmtpReply + fmt::Display> Encoder<T> for ReplyCodec {
    type Error = CodecError;

    fn encode(&mut self, reply: T, dst: &mut BytesMut) -> Result<(), CodecError> {
        self.renderer
            .write_reply_of(dst, &reply)
            .map_err(CodecError::Render)
    }
}

/// Why [`ReplyCodec`] failed (feature `tokio-codec`).
#[derive(Debug)]
#[non_exhaustive]
pub enum CodecError {
    /// Reading or writing the stream failed.
    Io(std::io::Error),
    /// The bytes are not a reply (their bytes are dropped already), or the peer closed the
    /// connection in the middle of one ([`ParseError::Incomplete`]).
    Parse(ParseError),
    /// The reply could not be written.
    Render(RenderError),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::Io(error) => write!(f, "SMTP stream: {error}"),
            CodecError::Parse(ParseError::Incomplete) => {
                f.write_str("the connection closed in the middle of an SMTP reply")
            }
            CodecError::Parse(error) => fmt::Display::fmt(error, f),
            CodecError::Render(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for CodecError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CodecError::Io(error) => Some(error),
            CodecError::Parse(error) => Some(error),
            CodecError::Render(error) => Some(error),
        }
    }
}

impl From<std::io::Error> for CodecError {
    fn from(error: std::io::Error) -> CodecError {
        CodecError::Io(error)
    }
}
