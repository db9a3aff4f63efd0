//! A class at work against `treatysim serve` on the loopback address: 40 students (one
//! thread each, one kept-alive connection each) edit at once for 60 seconds; every edit
//! saves the student's scenario (PUT /api/work/practice) and runs it for the live view
//! (POST /api/view), as the editor page does. Reports every request answered or not,
//! the latency percentiles, the server's resident memory over the run, and whether each
//! student's last saved scenario is the one on disk.
//!
//!   cargo bench --bench serve_load                      # 40 students, 60 s
//!   STUDENTS=10 SECONDS=5 cargo bench --bench serve_load
//!
//! The server is the release binary, started here on a free port with a fresh class
//! folder; the figures go to docs/performance.md.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// The server's resident memory in KiB (Linux), or 0.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// A student's scenario after `n` edits: the consent vote's yeas change with every
/// edit, so each run is a different scenario (some carry, some fail).
fn scenario(student: u64, n: u64) -> String {
    let yeas = 55 + (student + n) % 20;
    format!(
        "title: \"Student {student}, edit {n}\"\n\
         events:\n\
         \x20 - on: 2027-02-01\n    do: consult_committees\n\
         \x20 - on: 2027-02-02\n    do: notify_committees\n\
         \x20 - on: 2027-05-03\n    do: cloture_vote\n    yeas: 61\n    nays: 39\n\
         \x20 - on: 2027-05-03\n    do: consent_vote\n    yeas: {yeas}\n    nays: {}\n\
         \x20 - on: 2027-09-01\n    do: give_notice\n\
         until: 2028-09-15\n",
        100 - yeas
    )
}

fn main() {
    let students = env_number("STUDENTS", 40);
    let seconds = env_number("SECONDS", 60);
    let class = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_treatysim"))
        .args(["serve", "--port", "0", "--class"])
        .arg(class.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("treatysim starts");
    let pid = child.id();
    let (mut url, mut code) = (String::new(), String::new());
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Students", "open", link] => url = link.split("/join").next().unwrap().into(),
            ["Class", "code", c] => code = c.to_string(),
            ["Press", ..] => break,
            _ => {}
        }
    }
    // Each student joins and gets a session cookie.
    let cookies: Vec<String> = (0..students)
        .map(|i| {
            let response = agent()
                .post(format!("{url}/api/join"))
                .header("Content-Type", "application/json")
                .send(format!(r#"{{"code": "{code}", "name": "Student {i}"}}"#))
                .unwrap();
            let set = response.headers()["set-cookie"].to_str().unwrap();
            set.split(';').next().unwrap().to_string()
        })
        .collect();
    let rss_start = rss_kib(pid);
    let stop = Arc::new(AtomicBool::new(false));
    let latencies = Arc::new(Mutex::new(Vec::<f64>::new()));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let started = Instant::now();
    let threads: Vec<_> = cookies
        .iter()
        .enumerate()
        .map(|(i, cookie)| {
            let (url, cookie) = (url.clone(), cookie.clone());
            let (stop, latencies, failures) = (stop.clone(), latencies.clone(), failures.clone());
            std::thread::spawn(move || {
                let agent = agent();
                let mut mine = Vec::new();
                let mut last = String::new();
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    let text = scenario(i as u64, n);
                    for (method, path) in [("PUT", "/api/work/practice"), ("POST", "/api/view")] {
                        let t = Instant::now();
                        let request = if method == "PUT" {
                            agent.put(format!("{url}{path}"))
                        } else {
                            agent.post(format!("{url}{path}"))
                        };
                        let answer = request.header("Cookie", &cookie).send(&text);
                        mine.push(t.elapsed().as_secs_f64() * 1000.0);
                        match answer {
                            Ok(r) if r.status().as_u16() == 200 => {
                                let _ = r.into_body().read_to_vec();
                            }
                            Ok(r) => failures
                                .lock()
                                .unwrap()
                                .push(format!("{method} {path}: {}", r.status())),
                            Err(e) => failures
                                .lock()
                                .unwrap()
                                .push(format!("{method} {path}: {e}")),
                        }
                    }
                    last = text;
                    n += 1;
                }
                latencies.lock().unwrap().extend(mine);
                (cookie, last)
            })
        })
        .collect();
    let mut rss_samples = vec![rss_start];
    while started.elapsed() < Duration::from_secs(seconds) {
        std::thread::sleep(Duration::from_secs(1).min(Duration::from_secs(seconds)));
        rss_samples.push(rss_kib(pid));
    }
    stop.store(true, Ordering::Relaxed);
    let finals: Vec<(String, String)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let elapsed = started.elapsed().as_secs_f64();
    // No scenario lost: each student's last edit is what the server gives back.
    let mut lost = 0;
    for (cookie, last) in &finals {
        let saved = agent()
            .get(format!("{url}/api/work/practice"))
            .header("Cookie", cookie)
            .call()
            .and_then(|r| r.into_body().read_to_string());
        match saved {
            Ok(saved) if &saved == last => {}
            Ok(_) => lost += 1,
            Err(e) => {
                lost += 1;
                eprintln!("reading back a student's work: {e}");
            }
        }
    }
    let rss_end = rss_kib(pid);
    let _ = child.kill();
    let _ = child.wait();

    let mut all = latencies.lock().unwrap().clone();
    all.sort_by(f64::total_cmp);
    let at = |q: f64| all[((all.len() as f64 - 1.0) * q).round() as usize];
    let failures = failures.lock().unwrap();
    println!(
        "{students} students for {elapsed:.1} s: {} requests ({:.0}/s), {} not answered 200",
        all.len(),
        all.len() as f64 / elapsed,
        failures.len()
    );
    println!(
        "latency ms: p50 {:.2}, p90 {:.2}, p99 {:.2}, max {:.2}",
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
    let peak = rss_samples.iter().copied().max().unwrap_or(0);
    let mid = rss_samples[rss_samples.len() / 2];
    println!(
        "server RSS KiB: after joining {rss_start}, half-way {mid}, peak {peak}, at the end {rss_end}"
    );
    println!(
        "scenarios lost: {lost} of {} (each student's last edit read back)",
        finals.len()
    );
    for f in failures.iter().take(5) {
        println!("  {f}");
    }
    if !failures.is_empty() || lost > 0 {
        std::process::exit(1);
    }
}
