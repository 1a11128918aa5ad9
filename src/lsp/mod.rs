//! `kader lsp`: the language server, over stdio (`lsp-server` and `lsp-types`, the scaffold
//! of rust-analyzer: synchronous, no async runtime, one thread that owns the plan).
//!
//! Owns: the protocol (initialize with the position encoding, push diagnostics debounced
//! after an edit or pull them, code actions, completion, hover, definition, watched files,
//! shutdown) and the server's state (`server`), positions and URIs (`convert`), help while
//! writing (`assist`).
//! Must not: check anything itself (the engine does, over the editor's buffers) or fix
//! anything itself (`crate::fix` does, for `kader fix` too).

pub mod assist;
pub mod convert;
pub mod server;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use serde_json::Value;

pub use self::server::Server;
use crate::i18n::Lang;
use convert::Encoding;

/// How long after the last keystroke the diagnostics are published.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// What the client said it can do, as far as the server cares.
#[derive(Debug, Default, Clone, Copy)]
struct Client {
    /// It pulls diagnostics (`textDocument/diagnostic`); then nothing is pushed.
    pulls: bool,
    /// It can be asked to pull again (`workspace/diagnostic/refresh`).
    refresh: bool,
    /// It watches files for the server when asked (`client/registerCapability`).
    watches: bool,
}

/// Serve until the client says `exit`. `Ok(true)`: after a `shutdown`, as the protocol
/// wants; `Ok(false)`: the client went away without one.
pub fn serve(config: Option<PathBuf>, lang: Option<Lang>, today: fn() -> jiff::civil::Date) -> Result<bool, String> {
    let (conn, io) = Connection::stdio();
    let result = run(&conn, config, lang, today);
    drop(conn);
    let _ = io.join();
    result
}

fn run(
    conn: &Connection,
    config: Option<PathBuf>,
    lang: Option<Lang>,
    today: fn() -> jiff::civil::Date,
) -> Result<bool, String> {
    let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
    let init: lsp::InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let root = workspace_root(&init);
    // Names are relative to the workspace, as `kader check` run there gives them.
    let _ = std::env::set_current_dir(&root);
    let utf8 = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&lsp::PositionEncodingKind::UTF8));
    let client = Client {
        pulls: init
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some()),
        refresh: init
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        watches: init
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false),
    };
    let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    let result = lsp::InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(lsp::ServerInfo {
            name: "kader".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    conn.initialize_finish(id, serde_json::to_value(result).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let mut server = Server::new(root, config, lang, today);
    server.encoding = encoding;
    if client.watches {
        let watchers = ["**/kader.toml", "**/*.kader", "**/*.toml", "**/*.md"]
            .iter()
            .map(|g| lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String((*g).into()),
                kind: None,
            })
            .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "kader-watch".into(),
                method: lsp::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        send(
            conn,
            Message::Request(Request::new(
                RequestId::from("kader-watch".to_owned()),
                lsp::request::RegisterCapability::METHOD.into(),
                params,
            )),
        );
    }
    if !client.pulls {
        publish(conn, &mut server);
    }
    let mut due: Option<Instant> = None;
    loop {
        let msg = match due {
            Some(at) => match conn.receiver.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    due = None;
                    if !client.pulls {
                        publish(conn, &mut server);
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(false),
            },
            None => match conn.receiver.recv() {
                Ok(m) => m,
                Err(_) => return Ok(false),
            },
        };
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                    return Ok(true);
                }
                let response = answer(&mut server, req);
                send(conn, Message::Response(response));
            }
            Message::Notification(n) => {
                if n.method == lsp::notification::Exit::METHOD {
                    return Ok(false);
                }
                match notice(&mut server, n) {
                    Then::Nothing => {}
                    Then::Soon => due = Some(Instant::now() + DEBOUNCE),
                    Then::Now { reloaded } => {
                        due = None;
                        if client.pulls {
                            if reloaded && client.refresh {
                                send(
                                    conn,
                                    Message::Request(Request::new(
                                        RequestId::from("kader-refresh".to_owned()),
                                        lsp::request::WorkspaceDiagnosticRefresh::METHOD.into(),
                                        Value::Null,
                                    )),
                                );
                            }
                        } else {
                            publish(conn, &mut server);
                        }
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
}

fn send(conn: &Connection, msg: Message) {
    let _ = conn.sender.send(msg);
}

/// The folder of the workspace: the first workspace folder, else the root URI, else the
/// working folder.
fn workspace_root(init: &lsp::InitializeParams) -> PathBuf {
    let from_folders = init
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| convert::path_of(&f.uri));
    #[allow(deprecated)]
    let from_root = init.root_uri.as_ref().and_then(convert::path_of);
    from_folders
        .or(from_root)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

fn capabilities(encoding: Encoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(lsp::TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(lsp::TextDocumentSyncKind::FULL),
            save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        })),
        diagnostic_provider: Some(lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
            identifier: Some("kader".into()),
            inter_file_dependencies: true,
            workspace_diagnostics: false,
            work_done_progress_options: Default::default(),
        })),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(lsp::CodeActionOptions {
            code_action_kinds: Some(vec![
                lsp::CodeActionKind::QUICKFIX,
                lsp::CodeActionKind::new("source.fixAll.kader"),
            ]),
            ..Default::default()
        })),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some([":", " ", ",", "*", "-", "."].iter().map(|s| (*s).to_owned()).collect()),
            ..Default::default()
        }),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        ..Default::default()
    }
}

fn publish(conn: &Connection, server: &mut Server) {
    for (uri, version, diagnostics) in server.changed_diagnostics() {
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        send(
            conn,
            Message::Notification(Notification::new(
                lsp::notification::PublishDiagnostics::METHOD.into(),
                params,
            )),
        );
    }
}

/// What a notification asks of the diagnostics.
enum Then {
    Nothing,
    /// After the debounce (an edit).
    Soon,
    /// At once (open, save, close, a file changed); `reloaded`: the settings were read again.
    Now {
        reloaded: bool,
    },
}

fn notice(server: &mut Server, n: Notification) -> Then {
    use lsp::notification::{
        DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    };
    fn params<T: serde::de::DeserializeOwned>(n: Notification) -> Option<T> {
        serde_json::from_value(n.params).ok()
    }
    match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let Some(p) = params::<lsp::DidOpenTextDocumentParams>(n) else {
                return Then::Nothing;
            };
            let setting = is_setting(server, &p.text_document.uri);
            server.change(p.text_document.uri, p.text_document.version, p.text_document.text);
            Then::Now { reloaded: setting }
        }
        DidChangeTextDocument::METHOD => {
            let Some(p) = params::<lsp::DidChangeTextDocumentParams>(n) else {
                return Then::Nothing;
            };
            // Full sync: the last change holds the whole text.
            let Some(change) = p.content_changes.into_iter().last() else {
                return Then::Nothing;
            };
            let setting = is_setting(server, &p.text_document.uri);
            server.change(p.text_document.uri, p.text_document.version, change.text);
            if setting {
                Then::Now { reloaded: true }
            } else {
                Then::Soon
            }
        }
        DidCloseTextDocument::METHOD => {
            let Some(p) = params::<lsp::DidCloseTextDocumentParams>(n) else {
                return Then::Nothing;
            };
            let setting = is_setting(server, &p.text_document.uri);
            server.close(&p.text_document.uri);
            Then::Now { reloaded: setting }
        }
        DidSaveTextDocument::METHOD => {
            let Some(p) = params::<lsp::DidSaveTextDocumentParams>(n) else {
                return Then::Nothing;
            };
            let setting = is_setting(server, &p.text_document.uri);
            if setting {
                server.reload();
            }
            Then::Now { reloaded: setting }
        }
        DidChangeWatchedFiles::METHOD => {
            let Some(p) = params::<lsp::DidChangeWatchedFilesParams>(n) else {
                return Then::Nothing;
            };
            let mut reloaded = false;
            let mut settings = false;
            for change in p.changes {
                if is_setting(server, &change.uri) {
                    settings = true;
                } else if let Some(name) = server.name(&change.uri) {
                    server.disk_changed(&name);
                }
            }
            if settings {
                server.reload();
                reloaded = true;
            }
            Then::Now { reloaded }
        }
        _ => Then::Nothing,
    }
}

fn is_setting(server: &Server, uri: &lsp::Uri) -> bool {
    server
        .name(uri)
        .is_some_and(|n| server.role(&n) == server::FileRole::Setting)
}

fn answer(server: &mut Server, req: Request) -> Response {
    let id = req.id.clone();
    match respond(server, req) {
        Ok(v) => Response::new_ok(id, v),
        Err((code, message)) => Response::new_err(id, code as i32, message),
    }
}

/// What `f` finds at a position of a file of the plan.
fn at<R>(
    server: &mut Server,
    doc: lsp::TextDocumentPositionParams,
    f: impl FnOnce(&crate::engine::Checked<'_>, crate::source::SourceId, usize, Encoding, &std::path::Path) -> Option<R>,
) -> Option<R> {
    let name = server.name(&doc.text_document.uri)?;
    server.at(&name, doc.position, f).flatten()
}

/// Parameters the request's method does not take are the client's mistake.
fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn reply(v: impl serde::Serialize) -> Result<Value, (ErrorCode, String)> {
    serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn respond(server: &mut Server, req: Request) -> Result<Value, (ErrorCode, String)> {
    use lsp::request::{CodeActionRequest, Completion, DocumentDiagnosticRequest, GotoDefinition, HoverRequest};
    match req.method.as_str() {
        DocumentDiagnosticRequest::METHOD => {
            let p: lsp::DocumentDiagnosticParams = parse(req.params)?;
            let items = server
                .name(&p.text_document.uri)
                .map(|n| server.diagnostics_of(&n))
                .unwrap_or_default();
            let report = lsp::DocumentDiagnosticReportResult::Report(lsp::DocumentDiagnosticReport::Full(
                lsp::RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport { result_id: None, items },
                },
            ));
            reply(report)
        }
        CodeActionRequest::METHOD => {
            // The findings are looked up by range; the client's copies of them are not read
            // (Neovim 0.7 sends only their codes when a script asks).
            let mut params = req.params;
            if let Some(context) = params.get_mut("context").and_then(Value::as_object_mut) {
                context.insert("diagnostics".into(), Value::Array(Vec::new()));
            }
            let p: lsp::CodeActionParams = parse(params)?;
            let actions: Vec<lsp::CodeActionOrCommand> = server
                .name(&p.text_document.uri)
                .map(|n| server.code_actions(&n, p.range, p.context.only.as_deref()))
                .unwrap_or_default()
                .into_iter()
                .map(lsp::CodeActionOrCommand::CodeAction)
                .collect();
            reply(actions)
        }
        Completion::METHOD => {
            let p: lsp::CompletionParams = parse(req.params)?;
            let items = at(server, p.text_document_position, |c, f, o, enc, _| {
                Some(assist::complete(c, f, o, enc))
            })
            .unwrap_or_default();
            reply(lsp::CompletionResponse::Array(items))
        }
        HoverRequest::METHOD => {
            let p: lsp::HoverParams = parse(req.params)?;
            let hover = at(server, p.text_document_position_params, |c, f, o, enc, _| {
                assist::hover(c, f, o, enc)
            });
            reply(hover)
        }
        GotoDefinition::METHOD => {
            let p: lsp::GotoDefinitionParams = parse(req.params)?;
            let location = at(server, p.text_document_position_params, assist::definition)
                .map(lsp::GotoDefinitionResponse::Scalar);
            reply(location)
        }
        _ => Err((ErrorCode::MethodNotFound, format!("unknown method {}", req.method))),
    }
}
