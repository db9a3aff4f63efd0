//! `treatysim serve` started on a free loopback port for a test, and asked over HTTP.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running server on a free port, stopped when dropped.
pub struct Server {
    child: Child,
    pub url: String,
    pub class_code: String,
    pub teacher_code: String,
}

impl Server {
    pub fn start(class: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_treatysim"))
            .args(["serve", "--port", "0", "--class"])
            .arg(class)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("treatysim starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut url, mut class_code, mut teacher_code) = (None, None, None);
        for line in lines.by_ref() {
            let line = line.unwrap();
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["Students", "open", link] => {
                    url = link.split("/join").next().map(str::to_string);
                }
                ["Class", "code", code] => class_code = Some(code.to_string()),
                ["Teacher's", "page", _, "(teacher", "code", code] => {
                    teacher_code = Some(code.trim_end_matches(')').to_string());
                }
                ["Press", ..] => break,
                _ => {}
            }
        }
        Server {
            child,
            url: url.expect("the banner gives the address"),
            class_code: class_code.expect("the banner gives the class code"),
            teacher_code: teacher_code.expect("the banner gives the teacher code"),
        }
    }

    pub fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into()
    }

    /// A request with these headers and body: (status, body).
    pub fn ask(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, String) {
        let url = format!("{}{path}", self.url);
        let agent = Server::agent();
        let response = match method {
            "GET" => {
                let mut r = agent.get(&url);
                for (k, v) in headers {
                    r = r.header(*k, *v);
                }
                r.call()
            }
            "PUT" | "POST" => {
                let mut r = if method == "PUT" {
                    agent.put(&url)
                } else {
                    agent.post(&url)
                };
                for (k, v) in headers {
                    r = r.header(*k, *v);
                }
                r.send(body)
            }
            _ => unreachable!(),
        }
        .expect("the server answers");
        let status = response.status().as_u16();
        let text = response
            .into_body()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .unwrap();
        (status, text)
    }

    /// A request with the class code, as a script sends it.
    pub fn api(&self, path: &str, body: &str) -> (u16, String) {
        self.ask("POST", path, &[("X-Class-Code", &self.class_code)], body)
    }

    /// Joins as `name`: the student's cookie.
    pub fn join(&self, name: &str) -> String {
        let agent = Server::agent();
        let response = agent
            .post(format!("{}/api/join", self.url))
            .header("Content-Type", "application/json")
            .send(format!(
                r#"{{"code": "{}", "name": "{name}"}}"#,
                self.class_code
            ))
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let set = response
            .headers()
            .get("set-cookie")
            .expect("a session cookie")
            .to_str()
            .unwrap();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
        set.split(';').next().unwrap().to_string()
    }

    pub fn teacher(&self) -> String {
        let (status, _) = self.ask(
            "POST",
            "/api/teacher/login",
            &[("Content-Type", "application/json")],
            r#"{"code": "WRONG"}"#,
        );
        assert_eq!(status, 401);
        let agent = Server::agent();
        let response = agent
            .post(format!("{}/api/teacher/login", self.url))
            .header("Content-Type", "application/json")
            .send(format!(r#"{{"code": "{}"}}"#, self.teacher_code))
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let set = response
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap();
        set.split(';').next().unwrap().to_string()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
