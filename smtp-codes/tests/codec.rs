//! `ReplyCodec` over a real TCP socket on loopback: a server writes replies with the encoder
//! (and raw bytes in awkward pieces), a client reads them with `FramedRead`.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use smtp_codes::{CodecError, EnhancedCode, ParseError, ReplyCode, ReplyCodec, SmtpReply};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio_util::codec::{FramedRead, FramedWrite};

/// A server error, as a server library's error type would be.
struct NoSuchUser;

impl std::fmt::Display for NoSuchUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("No such user here\nCheck the address")
    }
}

impl SmtpReply for NoSuchUser {
    fn reply_code(&self) -> ReplyCode {
        ReplyCode::MAILBOX_UNAVAILABLE
    }
    fn enhanced_code(&self) -> Option<EnhancedCode> {
        Some(smtp_codes::enhanced_code!("5.1.1"))
    }
}

#[tokio::test(flavor = "current_thread")]
async fn replies_cross_a_real_socket() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let mut writer = FramedWrite::new(socket, ReplyCodec::new());
        writer.send(NoSuchUser).await.unwrap();
        let mut socket = writer.into_inner();
        // A pipelined batch, cut mid-line across writes with pauses, so the client sees
        // partial replies.
        for piece in [
            &b"250-mx.example.org\r\n250-PIPE"[..],
            b"LINING\r\n250 SIZE 35882577\r\n250 2.1.0 Ok\r\n",
            b"250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n",
        ] {
            socket.write_all(piece).await.unwrap();
            socket.flush().await.unwrap();
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        socket.write_all(b"221 2.0.0 Bye\r\n").await.unwrap();
        socket.shutdown().await.unwrap();
    });

    let socket = TcpStream::connect(address).await.unwrap();
    let mut replies = FramedRead::new(socket, ReplyCodec::new());
    let mut seen = Vec::new();
    while let Some(reply) = replies.next().await {
        seen.push(reply.unwrap().to_string());
    }
    server.await.unwrap();
    assert_eq!(
        seen,
        [
            "550 5.1.1 No such user here Check the address",
            "250 mx.example.org PIPELINING SIZE 35882577",
            "250 2.1.0 Ok",
            "250 2.1.5 Ok",
            "354 End data with <CR><LF>.<CR><LF>",
            "221 2.0.0 Bye",
        ]
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_malformed_reply_and_a_cut_connection_are_errors() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        socket
            .write_all(b"250 OK\r\nHTTP/1.1 400 Bad Request\r\n")
            .await
            .unwrap();
        socket.shutdown().await.unwrap();
    });
    let socket = TcpStream::connect(address).await.unwrap();
    let mut replies = FramedRead::new(socket, ReplyCodec::new());
    assert_eq!(replies.next().await.unwrap().unwrap().code(), 250);
    let error = replies.next().await.unwrap().unwrap_err();
    assert!(
        matches!(
            error,
            CodecError::Parse(ParseError::Malformed { line: 1, .. })
        ),
        "{error:?}"
    );
    server.await.unwrap();

    // A peer that closes in the middle of a reply.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        socket
            .write_all(b"250-mx.example.org\r\n250-SI")
            .await
            .unwrap();
        socket.shutdown().await.unwrap();
    });
    let socket = TcpStream::connect(address).await.unwrap();
    let mut replies = FramedRead::new(socket, ReplyCodec::new());
    let error = replies.next().await.unwrap().unwrap_err();
    assert!(
        matches!(error, CodecError::Parse(ParseError::Incomplete)),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "the connection closed in the middle of an SMTP reply"
    );
    server.await.unwrap();
}
