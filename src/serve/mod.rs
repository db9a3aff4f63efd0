//! `treatysim serve`: the classroom in a browser.
//!
//! A real HTTP server (axum on tokio) that serves the pages and scripts embedded in the
//! binary and answers them by calling the same [`Workspace`] functions as the command
//! line, so a page and `treatysim run` say the same thing about the same text. Its edges:
//!
//! - [`class`] keeps the class folder (codes, students, exercises, work) on disk;
//! - [`api`] turns HTTP requests into workspace calls and their results into JSON, with
//!   the same documents as `--format json` and the same errors (line and column) as the
//!   command line;
//! - this file starts the server, checks who may do what (the class code, a student's
//!   or the teacher's session) and serves the embedded pages.
//!
//! Engine calls run on tokio's blocking threads, each keeping its own built-in-only
//! workspace (rulebooks compiled once per thread): a scenario from a browser can name
//! only a built-in rulebook, never a file on the server.

mod api;
pub mod class;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::CookieJar;

use crate::diag::Diagnostic;
use crate::limits;
use class::{Class, Student};

/// Where and how to serve.
#[derive(Clone, Debug)]
pub struct Options {
    /// The address to listen on (127.0.0.1: this computer only; 0.0.0.0: the network).
    pub bind: std::net::IpAddr,
    /// The port (0: any free one).
    pub port: u16,
    /// The class folder.
    pub class: PathBuf,
}

/// The server's state: the class, and the address students open.
pub struct Served {
    pub class: Class,
    /// The address to show students (the machine's address on the network when bound to
    /// every interface).
    pub address: String,
}

/// The cookie holding a student's session.
pub const STUDENT_COOKIE: &str = "treatysim_student";
/// The cookie holding the teacher's session.
pub const TEACHER_COOKIE: &str = "treatysim_teacher";
/// The header that carries the class code for a script calling /api (curl).
pub const CODE_HEADER: &str = "x-class-code";

/// Starts the server and serves until Ctrl-C; prints where to go and the codes.
pub fn serve(options: &Options) -> Result<(), Diagnostic> {
    // Engine calls are CPU-bound: more threads than about twice the cores would only
    // queue in the kernel, and each keeps its own compiled rulebooks.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads((cores * 2).max(4))
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::file("serve", format!("cannot start the server: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((options.bind, options.port))
            .await
            .map_err(|e| {
                Diagnostic::file(
                    format!("{}:{}", options.bind, options.port),
                    format!("cannot listen there: {e}"),
                )
                .with_help("choose another port with --port (0 picks a free one)")
            })?;
        let local = listener
            .local_addr()
            .map_err(|e| Diagnostic::file("serve", e.to_string()))?;
        let (class, warnings) = Class::open(&options.class)?;
        for warning in warnings {
            eprintln!("warning: {warning}");
        }
        let served = Arc::new(Served {
            class,
            address: shown_address(local),
        });
        print!("{}", banner(&served, options));
        // Piped (a test, a service manager), the address must reach the reader now.
        let _ = std::io::Write::flush(&mut std::io::stdout());
        axum::serve(listener, router(Arc::clone(&served)))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Diagnostic::file("serve", format!("the server stopped: {e}")))
    })
}

/// What `serve` prints when it starts.
fn banner(served: &Served, options: &Options) -> String {
    let class = &served.class;
    let code = class.class_code();
    let mut out = String::from("treatysim serve: the class is open.\n\n");
    out.push_str(&format!(
        "  Students open    {}/join?code={code}\n",
        served.address
    ));
    out.push_str(&format!("  Class code       {code}\n"));
    out.push_str(&format!(
        "  Teacher's page   {}/teacher  (teacher code {})\n",
        served.address,
        class.teacher_code()
    ));
    out.push_str(&format!(
        "  Class folder     {} (every student's work is saved here)\n",
        class.dir().display()
    ));
    if options.bind.is_loopback() {
        out.push_str(
            "\nOnly this computer can reach it; --bind 0.0.0.0 opens it to the network.\n",
        );
    }
    out.push_str("Press Ctrl-C to stop.\n");
    out
}

/// The address a person types: the machine's own address when bound to every interface.
fn shown_address(local: SocketAddr) -> String {
    let ip = if local.ip().is_unspecified() {
        outward_ip().unwrap_or(local.ip())
    } else {
        local.ip()
    };
    format!("http://{}", SocketAddr::new(ip, local.port()))
}

/// The address of the interface that reaches the network: connecting a UDP socket sends
/// nothing, but picks the route (192.0.2.1 is the documentation range, never used).
fn outward_ip() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:80").ok()?;
    socket.local_addr().ok().map(|a| a.ip())
}

/// Every route, with the body limit and the security headers.
pub fn router(served: Arc<Served>) -> Router {
    let limit = usize::try_from(limits::get().file_size).unwrap_or(usize::MAX);
    let asset = |path: &'static str, kind: &'static str, body: &'static str| {
        (
            path,
            get(move || async move { ([(header::CONTENT_TYPE, kind)], body) }),
        )
    };
    let assets = [
        asset(
            "/assets/app.css",
            "text/css; charset=utf-8",
            include_str!("assets/app.css"),
        ),
        asset("/assets/editor.js", JS, include_str!("assets/editor.js")),
        asset("/assets/join.js", JS, include_str!("assets/join.js")),
        asset("/assets/student.js", JS, include_str!("assets/student.js")),
        asset("/assets/teacher.js", JS, include_str!("assets/teacher.js")),
        asset("/assets/play.js", JS, include_str!("assets/play.js")),
    ];
    let mut router = Router::new()
        .route("/", get(home))
        .route("/join", get(|| async { html(JOIN) }))
        .route(
            "/teacher",
            get(|| async { html(include_str!("assets/teacher.html")) }),
        )
        .route(
            "/play",
            get(|| async { html(include_str!("assets/play.html")) }),
        )
        .route("/api/join", post(api::join))
        .route("/api/teacher/login", post(api::teacher_login));
    for (path, route) in assets {
        router = router.route(path, route);
    }
    let student = Router::new()
        .route("/api/me", get(api::me))
        .route("/api/work/{exercise}", get(api::work).put(api::save))
        .route("/api/submit/{exercise}", post(api::submit))
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&served),
            require_student,
        ));
    let anyone_in_class = Router::new()
        .route("/api/schema", get(api::schema))
        .route("/api/rulebooks", get(api::rulebooks))
        .route("/api/run", post(api::run))
        .route("/api/view", post(api::view))
        .route("/api/test", post(api::test))
        .route("/api/simulate", post(api::simulate))
        .route("/api/diagram", post(api::diagram))
        .route("/api/compare", post(api::compare))
        .route("/api/why", post(api::why))
        .route("/api/play", post(api::play))
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&served),
            require_class,
        ));
    let teacher = Router::new()
        .route("/api/class", get(api::class))
        .route("/api/gradebook.csv", get(api::gradebook))
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&served),
            require_teacher,
        ));
    router
        .merge(student)
        .merge(anyone_in_class)
        .merge(teacher)
        .fallback(|| async { api::refuse(StatusCode::NOT_FOUND, "there is no such page") })
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn(security_headers))
        .with_state(served)
}

const JS: &str = "text/javascript; charset=utf-8";
const JOIN: &str = include_str!("assets/join.html");

fn html(body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// The student's page for a student, else the page to join.
async fn home(State(served): State<Arc<Served>>, jar: CookieJar) -> Response {
    match student_of(&served, &jar) {
        Some(_) => html(include_str!("assets/student.html")),
        None => Redirect::to("/join").into_response(),
    }
}

fn student_of(served: &Served, jar: &CookieJar) -> Option<Student> {
    jar.get(STUDENT_COOKIE)
        .and_then(|c| served.class.student(c.value()))
}

fn is_teacher(served: &Served, jar: &CookieJar) -> bool {
    jar.get(TEACHER_COOKIE)
        .is_some_and(|c| served.class.is_teacher(c.value()))
}

fn has_class_code(served: &Served, headers: &HeaderMap) -> bool {
    headers
        .get(CODE_HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|code| served.class.is_class_code(code))
}

/// Only a student's session (the work endpoints are the student's own).
async fn require_student(
    State(served): State<Arc<Served>>,
    jar: CookieJar,
    mut request: Request,
    next: Next,
) -> Response {
    match student_of(&served, &jar) {
        Some(student) => {
            request.extensions_mut().insert(student);
            next.run(request).await
        }
        None => not_in_class(),
    }
}

/// A student, the teacher, or a script with the class code.
async fn require_class(
    State(served): State<Arc<Served>>,
    jar: CookieJar,
    request: Request,
    next: Next,
) -> Response {
    if student_of(&served, &jar).is_some()
        || is_teacher(&served, &jar)
        || has_class_code(&served, request.headers())
    {
        next.run(request).await
    } else {
        not_in_class()
    }
}

/// Only the teacher's session.
async fn require_teacher(
    State(served): State<Arc<Served>>,
    jar: CookieJar,
    request: Request,
    next: Next,
) -> Response {
    if is_teacher(&served, &jar) {
        next.run(request).await
    } else {
        api::refuse(
            StatusCode::UNAUTHORIZED,
            "this is the teacher's: sign in on /teacher with the teacher code",
        )
    }
}

fn not_in_class() -> Response {
    api::refuse(
        StatusCode::UNAUTHORIZED,
        "join the class first: open /join and type the class code (scripts send it in the X-Class-Code header)",
    )
}

/// Every page and script comes from this server; nothing is framed, sniffed or referred.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
