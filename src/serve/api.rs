//! The JSON API under /api: each handler reads a request, calls the workspace on a
//! blocking thread, and answers with the document the command line prints with
//! `--format json` (docs/serve.md lists them with curl examples).
//!
//! Errors: a scenario that cannot run is 422 with `{"error": {message, line, column,
//! help, text}}` (`text` is what the command line prints); a request that cannot be
//! carried out is 400; a body over the file-size limit is 413; no class code is 401.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use axum::Extension;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::class::{Exercise, HandIn, Refusal, Student};
use super::{STUDENT_COOKIE, Served, TEACHER_COOKIE};
use crate::diagram;
use crate::expect;
use crate::report::{self, Style, Tone};
use crate::rulebook;
use crate::simulate;
use crate::workspace::play::{Role, Session};
use crate::workspace::{
    self, DiagramFormat, Graded, RunOptions, Source, TestedFile, Verdict, Workspace, csv_row,
};

const PLAIN: Style = Style::PLAIN;

/// The most trials one request may ask of `simulate` (the command line has no cap; a
/// shared server keeps each request to about a second).
pub const MAX_TRIALS: u64 = 1_000_000;

thread_local! {
    /// Each blocking thread's workspace: built-in rulebooks only, compiled once.
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::builtin_only());
}

/// Runs `f` on a blocking thread with that thread's workspace.
async fn engine<T: Send + 'static>(
    f: impl FnOnce(&mut Workspace) -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(move || WORKSPACE.with(|ws| f(&mut ws.borrow_mut())))
        .await
        .map_err(|_| {
            refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "treatysim failed on this request (a bug: please report it with the scenario)",
            )
        })
}

/// `{"error": {"message": ...}}` with a status.
pub fn refuse(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": { "message": message } }))).into_response()
}

fn refusal(r: &Refusal) -> Response {
    let status = match r {
        Refusal::WrongCode => StatusCode::UNAUTHORIZED,
        Refusal::BadName(_) => StatusCode::BAD_REQUEST,
        Refusal::NoSuchExercise(_) => StatusCode::NOT_FOUND,
    };
    refuse(status, &r.to_string())
}

/// A workspace error as the command line would say it, located for the editor.
fn failed(e: workspace::Error) -> Response {
    match e {
        workspace::Error::Input(d) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({ "error": {
                "message": d.message,
                "line": d.line,
                "column": d.column,
                "help": d.help,
                "label": d.label,
                "text": d.render(false),
            }})),
        )
            .into_response(),
        workspace::Error::Usage { message, help } => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": { "message": message, "help": help } })),
        )
            .into_response(),
    }
}

/// The request's body as text: 413 over the file-size limit, 400 for bytes that are not
/// UTF-8.
fn text_of(body: Result<Bytes, BytesRejection>) -> Result<String, Response> {
    let bytes = body.map_err(|e| {
        let status = e.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!(
                "the scenario is larger than the limit of {} bytes (`--limit file-size=N` when starting the server raises it)",
                crate::limits::get().file_size
            )
        } else {
            e.body_text()
        };
        refuse(status, &message)
    })?;
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        refuse(
            StatusCode::BAD_REQUEST,
            &format!(
                "the scenario is not UTF-8 text (a byte that is not UTF-8 at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// A workspace call's JSON, its error as the command line says it, or the refusal made
/// before it ran.
fn respond(answer: Result<Result<Value, workspace::Error>, Response>) -> Response {
    match answer {
        Ok(Ok(doc)) => json_response(&doc),
        Ok(Err(e)) => failed(e),
        Err(response) => response,
    }
}

fn json_response(value: &Value) -> Response {
    Json(value).into_response()
}

fn with_type(kind: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// The name a scenario from a request has in errors.
const SCENARIO: &str = "scenario.yaml";

#[derive(Deserialize)]
pub struct JoinRequest {
    code: String,
    name: String,
}

/// POST /api/join {code, name}: a new student; sets the session cookie.
pub async fn join(
    State(served): State<Arc<Served>>,
    body: Result<Json<JoinRequest>, JsonRejection>,
) -> Response {
    let Ok(Json(request)) = body else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "send {\"code\": \"the class code\", \"name\": \"your name\"} as JSON",
        );
    };
    let joined = engine(move |_| served.class.join(&request.code, &request.name)).await;
    match joined {
        Err(response) => response,
        Ok(Err(d)) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &d.render(false)),
        Ok(Ok(Err(refused))) => refusal(&refused),
        Ok(Ok(Ok(student))) => (
            [(header::SET_COOKIE, cookie(STUDENT_COOKIE, student.token()))],
            Json(json!({ "id": student.id, "name": student.name })),
        )
            .into_response(),
    }
}

/// A session cookie that lasts the school year, for this site only, out of scripts' reach.
fn cookie(name: &str, value: &str) -> String {
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000")
}

#[derive(Deserialize)]
pub struct LoginRequest {
    code: String,
}

/// POST /api/teacher/login {code}: the teacher's session cookie.
pub async fn teacher_login(
    State(served): State<Arc<Served>>,
    body: Result<Json<LoginRequest>, JsonRejection>,
) -> Response {
    let Ok(Json(request)) = body else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "send {\"code\": \"the teacher code\"} as JSON",
        );
    };
    match served.class.teacher_login(&request.code) {
        Err(refused) => refusal(&refused),
        Ok(token) => (
            [(header::SET_COOKIE, cookie(TEACHER_COOKIE, &token))],
            Json(json!({ "teacher": true })),
        )
            .into_response(),
    }
}

/// GET /api/me: the student, what they can work on, and the rulebooks.
pub async fn me(
    State(served): State<Arc<Served>>,
    Extension(student): Extension<Student>,
) -> Response {
    let work: Vec<Value> = served
        .class
        .exercises()
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "title": e.title,
                "kind": if e.checker.is_some() { "exercise" } else { "practice" },
            })
        })
        .collect();
    json_response(&json!({
        "name": student.name,
        "work": work,
        "rulebooks": rulebook::builtin_ids(),
        "default_rulebook": rulebook::DEFAULT_ID,
    }))
}

fn exercise_of(served: &Served, id: &str) -> Result<Exercise, Response> {
    served.class.exercise(id).cloned().map_err(|r| refusal(&r))
}

/// GET /api/work/{exercise}: the student's own saved text, else the exercise.
pub async fn work(
    State(served): State<Arc<Served>>,
    Extension(student): Extension<Student>,
    Path(id): Path<String>,
) -> Response {
    let exercise = match exercise_of(&served, &id) {
        Ok(e) => e,
        Err(response) => return response,
    };
    match engine(move |_| served.class.work(&student, &exercise)).await {
        Ok(text) => with_type("text/yaml; charset=utf-8", text.to_string()),
        Err(response) => response,
    }
}

/// PUT /api/work/{exercise}: saves the student's text (atomically).
pub async fn save(
    State(served): State<Arc<Served>>,
    Extension(student): Extension<Student>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (exercise, text) = match (exercise_of(&served, &id), text_of(body)) {
        (Ok(e), Ok(t)) => (e, t),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    match engine(move |_| served.class.save(&student, &exercise, &text, false)).await {
        Ok(Ok(())) => json_response(&json!({ "saved": true })),
        Ok(Err(d)) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &d.render(false)),
        Err(response) => response,
    }
}

/// An answer graded as `treatysim test --exercise` grades it (as the class's
/// exercise's file, `ID.yaml`): the gradebook's fields and the lines `test` prints.
fn grade(ws: &mut Workspace, exercise: &Exercise, text: &str) -> (Graded, String) {
    let name = format!("{}.yaml", exercise.id);
    graded(ws, &name, text, None, exercise.checker.as_deref())
}

/// A scenario's text checked against its `expect:` (and an exercise's), as `test` does:
/// its grade, and the feedback `test` prints (a diagnostic for a file that cannot run).
fn graded(
    ws: &mut Workspace,
    name: &str,
    text: &str,
    rulebook: Option<&str>,
    exercise: Option<&expect::Exercise>,
) -> (Graded, String) {
    let verdict = ws.test_one(Source::Text { name, text }, rulebook, exercise);
    let file = TestedFile {
        path: PathBuf::from(name),
        verdict,
    };
    let feedback = match &file.verdict {
        Verdict::Error(d) => d.render(false),
        _ => file.text(0, PLAIN),
    };
    (file.graded(), feedback)
}

/// A grade as the API answers it.
fn grade_json((graded, feedback): &(Graded, String)) -> Value {
    json!({
        "title": graded.title,
        "result": graded.result,
        "checks_failed": graded.checks_failed,
        "first_problem": graded.first_problem,
        "feedback": feedback,
    })
}

/// POST /api/submit/{exercise}: hands the text in (saved, and graded).
pub async fn submit(
    State(served): State<Arc<Served>>,
    Extension(student): Extension<Student>,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (exercise, text) = match (exercise_of(&served, &id), text_of(body)) {
        (Ok(e), Ok(t)) => (e, t),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    if exercise.checker.is_none() {
        return refuse(
            StatusCode::BAD_REQUEST,
            "practice is not handed in: open an exercise to hand in",
        );
    }
    let answer = engine(move |ws| {
        let saved = served
            .class
            .save(&student, &exercise, &text, false)
            .and_then(|()| served.class.save(&student, &exercise, &text, true));
        saved.map(|()| grade(ws, &exercise, &text))
    })
    .await;
    match answer {
        Ok(Ok(graded)) => json_response(&grade_json(&graded)),
        Ok(Err(d)) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &d.render(false)),
        Err(response) => response,
    }
}

/// Every hand-in with its grade and feedback, for the teacher's page and the gradebook.
async fn graded_hand_ins(served: Arc<Served>) -> Result<Vec<(HandIn, Graded, String)>, Response> {
    engine(move |ws| {
        served
            .class
            .hand_ins()
            .into_iter()
            .map(|h| {
                let (graded, feedback) = grade(ws, &h.exercise, &h.text);
                (h, graded, feedback)
            })
            .collect()
    })
    .await
}

/// GET /api/class (teacher): the class code, and every hand-in graded.
pub async fn class(State(served): State<Arc<Served>>) -> Response {
    let students = served.class.students().len();
    let address = format!("{}/join", served.address);
    let code = served.class.class_code();
    let handins = match graded_hand_ins(served).await {
        Ok(h) => h,
        Err(response) => return response,
    };
    let handins: Vec<Value> = handins
        .into_iter()
        .map(|(h, graded, feedback)| {
            let mut doc = grade_json(&(graded, feedback));
            doc["student"] = json!(h.student.name);
            doc["exercise"] = json!(h.exercise.id);
            doc["file"] = json!(h.file);
            doc
        })
        .collect();
    json_response(&json!({
        "address": address,
        "class_code": code,
        "students": students,
        "handins": handins,
    }))
}

/// GET /api/gradebook.csv (teacher): one row per hand-in, as `test --grades` writes.
pub async fn gradebook(State(served): State<Arc<Served>>) -> Response {
    let handins = match graded_hand_ins(served).await {
        Ok(h) => h,
        Err(response) => return response,
    };
    let mut csv = csv_row(&[
        "student",
        "exercise",
        "file",
        "title",
        "result",
        "checks failed",
        "first problem",
    ]);
    for (h, g, _) in &handins {
        csv.push_str(&csv_row(&[
            &h.student.name,
            &h.exercise.id,
            &h.file,
            &g.title,
            g.result,
            &g.checks_failed,
            &g.first_problem,
        ]));
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"gradebook.csv\"",
            ),
        ],
        csv,
    )
        .into_response()
}

/// GET /api/schema: the scenario JSON Schema (`treatysim schema`).
pub async fn schema() -> Response {
    with_type(
        "application/json",
        workspace::schema(workspace::SchemaKind::Scenario),
    )
}

/// GET /api/rulebooks: the built-in rulebooks' ids.
pub async fn rulebooks() -> Response {
    json_response(&json!(rulebook::builtin_ids()))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RunQuery {
    rulebook: Option<String>,
    #[serde(default)]
    seed: u64,
    #[serde(default)]
    trial: u64,
}

impl RunQuery {
    fn options(&self) -> RunOptions {
        RunOptions {
            rulebook: self.rulebook.clone().filter(|r| !r.is_empty()),
            seed: self.seed,
            trial: self.trial,
        }
    }
}

type QueryOf<T> = Result<Query<T>, QueryRejection>;

/// A request's query and its body as text, or the answer refusing them.
fn inputs<T>(q: QueryOf<T>, body: Result<Bytes, BytesRejection>) -> Result<(T, String), Response> {
    let q = q
        .map(|Query(q)| q)
        .map_err(|e| refuse(StatusCode::BAD_REQUEST, &e.body_text()))?;
    Ok((q, text_of(body)?))
}

/// POST /api/run: `treatysim run --format json` of the body.
pub async fn run(q: QueryOf<RunQuery>, body: Result<Bytes, BytesRejection>) -> Response {
    let (q, text) = match inputs(q, body) {
        Ok(inputs) => inputs,
        Err(response) => return response,
    };
    let ran = engine(move |ws| ws.run_text(SCENARIO, &text, &q.options()).map(|r| r.json())).await;
    respond(ran)
}

/// POST /api/view: what the editor page shows in one answer: the run's JSON, the
/// outcome's rows, and the diagram with the path taken.
pub async fn view(q: QueryOf<RunQuery>, body: Result<Bytes, BytesRejection>) -> Response {
    let (q, text) = match inputs(q, body) {
        Ok(inputs) => inputs,
        Err(response) => return response,
    };
    let shown = engine(move |ws| {
        let ran = ws.run_text(SCENARIO, &text, &q.options())?;
        let rows: Vec<Value> = report::outcome_rows(&ran.procedure, &ran.run)
            .into_iter()
            .map(|r| {
                let tone = match r.tone {
                    Tone::Plain => "plain",
                    Tone::Good => "good",
                    Tone::Bad => "bad",
                    Tone::Warn => "warn",
                };
                json!({ "label": r.label, "value": r.value, "tone": tone })
            })
            .collect();
        let drawn = diagram::build(
            &ran.procedure,
            diagram::Only::All,
            Some((&ran.scenario, &ran.run)),
        );
        Ok::<_, workspace::Error>(json!({
            "run": ran.json(),
            "rows": rows,
            "svg": diagram::svg::render(&drawn),
        }))
    })
    .await;
    respond(shown)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TestQuery {
    rulebook: Option<String>,
    /// An exercise of the class the text must answer.
    exercise: Option<String>,
}

/// POST /api/test: the body checked against its `expect:` (and an exercise), as
/// `treatysim test` grades it.
pub async fn test(
    State(served): State<Arc<Served>>,
    q: QueryOf<TestQuery>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (q, text) = match inputs(q, body) {
        Ok(inputs) => inputs,
        Err(response) => return response,
    };
    let checker = match &q.exercise {
        None => None,
        Some(id) => match exercise_of(&served, id) {
            Ok(e) => e.checker,
            Err(response) => return response,
        },
    };
    let answer = engine(move |ws| {
        let rulebook = q.rulebook.as_deref().filter(|r| !r.is_empty());
        grade_json(&graded(ws, SCENARIO, &text, rulebook, checker.as_deref()))
    })
    .await;
    match answer {
        Ok(doc) => json_response(&doc),
        Err(response) => response,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimulateQuery {
    rulebook: Option<String>,
    #[serde(default = "default_trials")]
    trials: u64,
    #[serde(default)]
    seed: u64,
}

impl Default for SimulateQuery {
    fn default() -> Self {
        SimulateQuery {
            rulebook: None,
            trials: default_trials(),
            seed: 0,
        }
    }
}

fn default_trials() -> u64 {
    10_000
}

/// POST /api/simulate: `treatysim simulate --format json` of the body (one thread, at
/// most [`MAX_TRIALS`] trials).
pub async fn simulate(q: QueryOf<SimulateQuery>, body: Result<Bytes, BytesRejection>) -> Response {
    let (q, text) = match inputs(q, body) {
        Ok(inputs) => inputs,
        Err(response) => return response,
    };
    if q.trials == 0 || q.trials > MAX_TRIALS {
        return refuse(
            StatusCode::BAD_REQUEST,
            &format!("trials must be from 1 to {MAX_TRIALS} here; the command line runs more"),
        );
    }
    let simulated = engine(move |ws| {
        let options = simulate::Options {
            trials: q.trials,
            seed: q.seed,
            threads: 1,
        };
        let stop = AtomicBool::new(false);
        ws.simulate(
            Source::Text {
                name: SCENARIO,
                text: &text,
            },
            q.rulebook.as_deref().filter(|r| !r.is_empty()),
            options,
            &|_| {},
            &stop,
        )
        .map(|s| s.json())
    })
    .await;
    respond(simulated)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DiagramQuery {
    rulebook: Option<String>,
    /// svg (default), dot or mermaid.
    format: Option<String>,
}

/// POST /api/diagram: the procedure diagram with the body's path (an empty body: the
/// rulebook alone), as `treatysim diagram` draws it.
pub async fn diagram(q: QueryOf<DiagramQuery>, body: Result<Bytes, BytesRejection>) -> Response {
    let (q, text) = match inputs(q, body) {
        Ok(inputs) => inputs,
        Err(response) => return response,
    };
    let (format, kind) = match q.format.as_deref().unwrap_or("svg") {
        "svg" => (DiagramFormat::Svg, "image/svg+xml"),
        "dot" => (DiagramFormat::Dot, "text/vnd.graphviz; charset=utf-8"),
        "mermaid" => (DiagramFormat::Mermaid, "text/plain; charset=utf-8"),
        other => {
            return refuse(
                StatusCode::BAD_REQUEST,
                &format!(
                    "no diagram format `{}`: svg, dot or mermaid",
                    crate::diag::shorten(other)
                ),
            );
        }
    };
    let drawn = engine(move |ws| {
        let rulebook = q.rulebook.as_deref().filter(|r| !r.is_empty());
        let source = (!text.trim().is_empty()).then_some(Source::Text {
            name: SCENARIO,
            text: &text,
        });
        ws.diagram(rulebook, source, diagram::Only::All)
            .map(|d| d.render(format))
    })
    .await;
    match drawn {
        Ok(Ok(text)) => with_type(kind, text),
        Ok(Err(e)) => failed(e),
        Err(response) => response,
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CompareQuery {
    a: Option<String>,
    b: Option<String>,
}

/// POST /api/compare?a=ID&b=ID: the body under two rulebooks: `compare`'s text, and
/// each run's JSON.
pub async fn compare(q: QueryOf<CompareQuery>, body: Result<Bytes, BytesRejection>) -> Response {
    let (q, text) = match inputs(q, body) {
        Ok(inputs) => inputs,
        Err(response) => return response,
    };
    let rulebooks: Vec<String> = [q.a, q.b].into_iter().flatten().collect();
    let compared = engine(move |ws| {
        ws.compare(
            Source::Text {
                name: SCENARIO,
                text: &text,
            },
            &rulebooks,
        )
        .map(|c| json!({ "text": c.text(PLAIN), "a": c.a.json(), "b": c.b.json() }))
    })
    .await;
    respond(compared)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct WhyQuery {
    rulebook: Option<String>,
}

/// POST /api/why: the smallest single change that flips the body's outcome, with the
/// changed scenario to apply.
pub async fn why(q: QueryOf<WhyQuery>, body: Result<Bytes, BytesRejection>) -> Response {
    let (q, text) = match inputs(q, body) {
        Ok(inputs) => inputs,
        Err(response) => return response,
    };
    let answer = engine(move |ws| {
        let rulebook = q.rulebook.as_deref().filter(|r| !r.is_empty());
        ws.why(
            Source::Text {
                name: SCENARIO,
                text: &text,
            },
            rulebook,
        )
        .map(|w| {
            let change = w.change.as_ref().map(|(c, yaml)| {
                json!({
                    "sentence": c.sentence,
                    "outcome": crate::explore::why::summary(&c.outcome),
                    "yaml": yaml,
                })
            });
            json!({
                "text": w.text(PLAIN),
                "outcome": crate::explore::why::summary(&w.base),
                "tried": w.tried,
                "change": change,
            })
        })
    })
    .await;
    respond(answer)
}

/// The most moves a play session replays (each request replays the session).
pub const MAX_MOVES: usize = 1_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlayRequest {
    rulebook: Option<String>,
    role: Option<Role>,
    /// The moves chosen so far: each the `index` of a move offered at its turn.
    #[serde(default)]
    moves: Vec<usize>,
}

fn pairs(list: &[(String, String)], a: &str, b: &str) -> Vec<Value> {
    list.iter().map(|(x, y)| json!({ a: x, b: y })).collect()
}

/// POST /api/play {rulebook, role, moves}: the session after those moves, as `treatysim
/// play` shows it: where things stand, what the last move did (narrated with its
/// sources), the moves possible now, the outcome so far and the session as a scenario.
/// The server keeps nothing: each request replays the moves.
pub async fn play(body: Result<Json<PlayRequest>, JsonRejection>) -> Response {
    let request = match body {
        Ok(Json(request)) => request,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, &e.body_text()),
    };
    if request.moves.len() > MAX_MOVES {
        return refuse(
            StatusCode::BAD_REQUEST,
            &format!("a session here has at most {MAX_MOVES} moves"),
        );
    }
    let answer = engine(move |ws| {
        let id = request
            .rulebook
            .as_deref()
            .filter(|r| !r.is_empty())
            .unwrap_or(rulebook::DEFAULT_ID);
        let procedure = ws.rulebook(id)?;
        let role = request.role.unwrap_or(Role::All);
        let (session, said) = Session::replay(&procedure, role, &request.moves)?;
        let standing = session.standing();
        let said: Vec<Value> = said
            .iter()
            .map(|n| {
                json!({
                    "date": n.date.to_string(),
                    "label": n.label,
                    "text": n.text,
                    "vote": n.vote,
                    "breaches": pairs(&n.breaches, "id", "title"),
                    "citation": n.citation,
                })
            })
            .collect();
        let moves: Vec<Value> = session
            .moves()
            .iter()
            .map(|o| {
                json!({
                    "index": o.index,
                    "actor": o.actor,
                    "label": o.label,
                    "breaches": pairs(&o.breaches, "id", "title"),
                })
            })
            .collect();
        let outcome: Vec<Value> = session
            .outcome()
            .iter()
            .map(|r| json!({ "label": r.label, "value": r.value }))
            .collect();
        Ok::<_, workspace::Error>(json!({
            "rulebook": procedure.rulebook.id,
            "title": procedure.rulebook.title,
            "date": standing.date.to_string(),
            "standing": pairs(&standing.tracks, "track", "stage"),
            "notice": standing.notice,
            "said": said,
            "moves": moves,
            "outcome": outcome,
            "scenario": session.scenario(None),
        }))
    })
    .await;
    respond(answer)
}
