//! `treatysim serve` over real HTTP on the loopback address: the binary started as a
//! teacher would start it, and asked what a browser, a script or an intruder would ask.
//! (tests/browser/serve.mjs drives the pages themselves in Chromium.)

mod common;

use std::path::Path;
use std::process::Command;

use common::server::Server;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_treatysim"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn nothing_without_the_class_code() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let story = read("scenarios/consent-route.yaml");
    for (method, path) in [
        ("POST", "/api/run"),
        ("POST", "/api/view"),
        ("POST", "/api/simulate"),
        ("POST", "/api/diagram"),
        ("GET", "/api/me"),
        ("GET", "/api/work/practice"),
        ("GET", "/api/class"),
        ("GET", "/api/gradebook.csv"),
    ] {
        let (status, body) = server.ask(method, path, &[], &story);
        assert_eq!(status, 401, "{method} {path}: {body}");
        assert!(json(&body)["error"]["message"].is_string());
    }
    let (status, _) = server.api("/api/run", &story);
    assert_eq!(status, 200);
    let wrong = [("X-Class-Code", "AAAA-AAAA")];
    assert_eq!(server.ask("POST", "/api/run", &wrong, &story).0, 401);
    // The class code is not the teacher's.
    let (status, _) = server.ask(
        "GET",
        "/api/class",
        &[("X-Class-Code", &server.class_code)],
        "",
    );
    assert_eq!(status, 401);
    // A student's cookie is not the teacher's either.
    let ana = server.join("Ana");
    assert_eq!(
        server.ask("GET", "/api/class", &[("Cookie", &ana)], "").0,
        401
    );
    let (status, body) = server.ask(
        "POST",
        "/api/join",
        &[("Content-Type", "application/json")],
        r#"{"code": "NOPE-NOPE", "name": "Eve"}"#,
    );
    assert_eq!(status, 401, "{body}");
}

#[test]
fn the_api_says_what_the_command_line_says() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    for file in [
        "scenarios/consent-route.yaml",
        "scenarios/story-unilateral-notice.yaml",
        "scenarios/act-veto-overridden.yaml",
    ] {
        let (status, body) = server.api("/api/run", &read(file));
        assert_eq!(status, 200, "{file}: {body}");
        let mut from_server = json(&body);
        let (code, out, _) = cli(&["run", file, "--format", "json"]);
        assert_eq!(code, 0);
        let mut from_cli = json(&out);
        // The one difference: the file's name (a request has none).
        assert_eq!(from_server["file"], "scenario.yaml");
        from_server["file"] = Value::Null;
        from_cli["file"] = Value::Null;
        assert_eq!(from_server, from_cli, "{file}");

        let (status, svg) = server.api("/api/diagram", &read(file));
        assert_eq!(status, 200);
        let (_, cli_svg, _) = cli(&["diagram", "--scenario", file, "-o", "-"]);
        assert_eq!(svg, cli_svg, "{file}");
    }
    let (status, body) = server.api(
        "/api/simulate?trials=2000&seed=7",
        &read("scenarios/uncertain-senate-and-courts.yaml"),
    );
    assert_eq!(status, 200, "{body}");
    let (_, out, _) = cli(&[
        "simulate",
        "scenarios/uncertain-senate-and-courts.yaml",
        "--trials",
        "2000",
        "--seed",
        "7",
        "--format",
        "json",
    ]);
    let (mut a, mut b) = (json(&body), json(&out));
    a["file"] = Value::Null;
    b["file"] = Value::Null;
    assert_eq!(a, b);
    let (status, _) = server.api("/api/simulate?trials=100000000", "title: x\n");
    assert_eq!(status, 400);
}

#[test]
fn bad_input_gets_the_command_lines_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let broken = "title: x\nevents:\n  - on: 2027-13-01\n    do: give_notice\n";
    let (status, body) = server.api("/api/run", broken);
    assert_eq!(status, 422);
    let error = &json(&body)["error"];
    assert_eq!(error["line"], 3);
    assert_eq!(error["column"], 9);
    assert!(error["message"].as_str().unwrap().contains("month"));
    let file = dir.path().join("scenario.yaml");
    std::fs::write(&file, broken).unwrap();
    let (code, _, stderr) = cli(&["run", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(
        error["text"]
            .as_str()
            .unwrap()
            .replace("scenario.yaml", "F"),
        stderr.replace(file.to_str().unwrap(), "F")
    );

    // Over the file-size limit: 413 before anything is parsed.
    let huge = "#".repeat(4 * 1024 * 1024 + 1);
    let (status, body) = server.api("/api/run", &huge);
    assert_eq!(status, 413, "{body}");
    // Not UTF-8 text is a clear 400, and a misspelled query key is refused.
    let response = Server::agent()
        .post(format!("{}/api/run", server.url))
        .header("X-Class-Code", &server.class_code)
        .send(&b"title: \xff\xfe\n"[..])
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let body = response.into_body().read_to_string().unwrap();
    assert!(body.contains("not UTF-8"), "{body}");
    assert_eq!(server.api("/api/run?rulbook=x", "title: x\n").0, 400);

    // A scenario may name only a built-in rulebook: never a file on the server.
    for rulebook in ["/etc/passwd", "../class.json", "class.json"] {
        let text = format!(
            "title: x\nrulebook: {rulebook}\nevents:\n  - on: 2027-03-01\n    do: give_notice\n"
        );
        let (status, body) = server.api("/api/run", &text);
        assert_eq!(status, 422, "{body}");
        let message = json(&body)["error"]["message"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(message.contains("only the built-in rulebooks"), "{message}");
        let (status, _) = server.api(&format!("/api/run?rulebook={rulebook}"), "title: x\n");
        assert!(status == 422 || status == 400);
    }
}

#[test]
fn each_student_reads_only_their_own_work_and_it_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let ana = server.join("Ana");
    let ben = server.join("Ben");
    // Same name twice is refused (else one could take another's place).
    let (status, _) = server.ask(
        "POST",
        "/api/join",
        &[("Content-Type", "application/json")],
        &format!(r#"{{"code": "{}", "name": "ana"}}"#, server.class_code),
    );
    assert_eq!(status, 400);

    let mine = "title: Ana's own\n";
    let (status, _) = server.ask(
        "PUT",
        "/api/work/1-make-it-lawful",
        &[("Cookie", &ana)],
        mine,
    );
    assert_eq!(status, 200);
    let (_, hers) = server.ask("GET", "/api/work/1-make-it-lawful", &[("Cookie", &ana)], "");
    assert_eq!(hers, mine);
    let (_, his) = server.ask("GET", "/api/work/1-make-it-lawful", &[("Cookie", &ben)], "");
    assert_eq!(his, read("docs/classroom/exercises/1-make-it-lawful.yaml"));

    // No name is a path.
    for name in [
        "..%2Fstudents",
        "..%2F..%2Fclass.json",
        "%2E%2E",
        "1-make-it-lawful%2F..%2F..%2Fclass",
        "..",
    ] {
        let (status, body) =
            server.ask("GET", &format!("/api/work/{name}"), &[("Cookie", &ben)], "");
        assert_eq!(status, 404, "{name}: {body}");
        let (status, _) = server.ask(
            "PUT",
            &format!("/api/work/{name}"),
            &[("Cookie", &ben)],
            "x",
        );
        assert_eq!(status, 404, "{name}");
    }
    let before: Vec<_> = walk(dir.path());
    assert!(
        before.iter().all(|p| p.starts_with(dir.path())),
        "{before:?}"
    );

    // Restarted on the same folder: same code, same sessions, same work.
    let code = server.class_code.clone();
    drop(server);
    let again = Server::start(dir.path());
    assert_eq!(again.class_code, code);
    let (status, hers) = again.ask("GET", "/api/work/1-make-it-lawful", &[("Cookie", &ana)], "");
    assert_eq!((status, hers.as_str()), (200, mine));
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

#[test]
fn a_hand_in_is_graded_as_test_exercise_grades_it() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let ana = server.join("Ana");
    let ben = server.join("=Ben");
    let answer = read("scenarios/classroom/answers/1-make-it-lawful.yaml");
    let (status, body) = server.ask(
        "POST",
        "/api/submit/1-make-it-lawful",
        &[("Cookie", &ana)],
        &answer,
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["result"], "pass");
    // Ben hands in the exercise unchanged: it fails, with `test`'s feedback.
    let exercise = read("docs/classroom/exercises/1-make-it-lawful.yaml");
    let (_, body) = server.ask(
        "POST",
        "/api/submit/1-make-it-lawful",
        &[("Cookie", &ben)],
        &exercise,
    );
    let graded = json(&body);
    assert_eq!(graded["result"], "fail");
    assert!(
        graded["feedback"].as_str().unwrap().contains("FAIL"),
        "{graded}"
    );
    // Practice is never handed in.
    let (status, _) = server.ask("POST", "/api/submit/practice", &[("Cookie", &ana)], &answer);
    assert_eq!(status, 400);

    let teacher = server.teacher();
    let (status, csv) = server.ask("GET", "/api/gradebook.csv", &[("Cookie", &teacher)], "");
    assert_eq!(status, 200);
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert_eq!(
        rows[0],
        "student,exercise,file,title,result,checks failed,first problem"
    );
    assert!(
        rows[1].starts_with("Ana,1-make-it-lawful,work/s1/1-make-it-lawful.handed-in.yaml,"),
        "{}",
        rows[1]
    );
    assert!(rows[1].contains(",pass,"), "{}", rows[1]);
    // A name a spreadsheet would run as a formula is defused.
    assert!(rows[2].starts_with("'=Ben,"), "{}", rows[2]);
    assert!(rows[2].contains(",fail,"), "{}", rows[2]);
    // What `treatysim test --exercise` says of the same files.
    let (code, out, _) = cli(&[
        "test",
        "--exercise",
        "docs/classroom/exercises/1-make-it-lawful.yaml",
        dir.path()
            .join("work/s1/1-make-it-lawful.handed-in.yaml")
            .to_str()
            .unwrap(),
        dir.path()
            .join("work/s2/1-make-it-lawful.handed-in.yaml")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("1 passed, 1 failed"), "{out}");
    let (_, class) = server.ask("GET", "/api/class", &[("Cookie", &teacher)], "");
    let class = json(&class);
    assert_eq!(class["students"], 2);
    assert_eq!(class["handins"].as_array().unwrap().len(), 2);
}

#[test]
fn pages_and_scripts_come_from_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    for (path, kind) in [
        ("/join", "text/html"),
        ("/teacher", "text/html"),
        ("/assets/app.css", "text/css"),
        ("/assets/editor.js", "text/javascript"),
        ("/assets/student.js", "text/javascript"),
    ] {
        let agent = Server::agent();
        let response = agent.get(format!("{}{path}", server.url)).call().unwrap();
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let headers = response.headers();
        assert!(
            headers["content-type"].to_str().unwrap().starts_with(kind),
            "{path}"
        );
        assert!(
            headers["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("default-src 'self'")
        );
    }
    // No page links outside the server.
    for page in ["join.html", "student.html", "teacher.html"] {
        let text = read(&format!("src/serve/assets/{page}"));
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{page}"
        );
    }
    assert_eq!(server.ask("GET", "/nothing-here", &[], "").0, 404);
}

#[test]
fn play_replays_the_moves_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let json_header = [("Content-Type", "application/json")];
    assert_eq!(server.ask("POST", "/api/play", &json_header, "{}").0, 401);
    let ask = |body: &str| {
        server.ask(
            "POST",
            "/api/play",
            &[
                ("Content-Type", "application/json"),
                ("X-Class-Code", &server.class_code),
            ],
            body,
        )
    };
    let (status, body) = ask(r#"{"moves": []}"#);
    assert_eq!(status, 200, "{body}");
    let start = json(&body);
    let notice = start["moves"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["label"] == "give notice")
        .expect("the President may give notice");
    assert!(!notice["breaches"].as_array().unwrap().is_empty());
    let (status, body) = ask(&format!(r#"{{"moves": [{}]}}"#, notice["index"]));
    assert_eq!(status, 200, "{body}");
    let after = json(&body);
    assert!(after["said"][0]["citation"].is_string(), "{after}");
    assert!(after["scenario"].as_str().unwrap().contains("give_notice"));
    // The played story runs, and says what play said.
    let file = dir.path().join("played.yaml");
    std::fs::write(&file, after["scenario"].as_str().unwrap()).unwrap();
    let (code, out, err) = cli(&["run", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1250A(a)"), "{out}");
    // As the Senate, the President's moves are not offered.
    let (_, body) = ask(r#"{"role": "senate"}"#);
    let senate = json(&body);
    assert!(
        senate["moves"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["actor"] != "President"),
        "{senate}"
    );
    // Impossible or unknown input is a clear 400, never a panic.
    for bad in [
        r#"{"moves": [99999]}"#,
        r#"{"moves": [-1]}"#,
        r#"{"role": "king"}"#,
        r#"{"mvoes": []}"#,
        "not json",
    ] {
        let (status, body) = ask(bad);
        assert_eq!(status, 400, "{bad}: {body}");
        assert!(json(&body)["error"]["message"].is_string());
    }
    let many = format!(r#"{{"moves": [{}]}}"#, vec!["0"; 1001].join(","));
    assert_eq!(ask(&many).0, 400);
}
