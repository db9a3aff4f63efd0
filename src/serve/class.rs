//! A class on disk: its codes, its students, its exercises and every student's work.
//!
//! The class folder holds everything, so a server restarted on the same folder carries
//! on where it stopped:
//!
//! ```text
//! DIR/class.json                       the class code and the teacher code (0600)
//! DIR/students.json                    who joined: id, name, session token
//! DIR/exercises/ID.yaml                the exercises (the three built-in ones seeded)
//! DIR/work/STUDENT/ID.yaml             a student's work, saved on every change
//! DIR/work/STUDENT/ID.handed-in.yaml   what the student handed in
//! ```
//!
//! No name a person types ever becomes a path: an exercise is looked up among the ones
//! loaded (its id is checked against a pattern when the folder is read), a student's
//! folder is named by an id the server made, and every write is atomic
//! ([`files::write_atomic`]).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::expect;
use crate::files;

/// The exercises a new class folder starts with (docs/classroom/exercises).
const BUILT_IN_EXERCISES: [(&str, &str); 3] = [
    (
        "1-make-it-lawful",
        include_str!("../../docs/classroom/exercises/1-make-it-lawful.yaml"),
    ),
    (
        "2-stop-it-in-court",
        include_str!("../../docs/classroom/exercises/2-stop-it-in-court.yaml"),
    ),
    (
        "3-override-the-veto",
        include_str!("../../docs/classroom/exercises/3-override-the-veto.yaml"),
    ),
];

/// The practice page's first text: a whole story to change at will.
const PRACTICE: &str = include_str!("../../scenarios/story-unilateral-notice.yaml");

/// The id of the free practice scenario every student has besides the exercises.
pub const PRACTICE_ID: &str = "practice";

/// The longest name a student may give.
const NAME_CHARS: usize = 60;

/// Letters and digits that cannot be mistaken for one another when read off a board.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Something a person can fix: a wrong code, a name taken, an exercise that does not
/// exist. The server answers each with its own status.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The code given is not the class's (or the teacher's).
    WrongCode,
    /// A name that cannot be used, and why.
    BadName(String),
    /// No exercise by that name.
    NoSuchExercise(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::WrongCode => write!(f, "that code is not this class's code"),
            Refusal::BadName(why) => write!(f, "{why}"),
            Refusal::NoSuchExercise(name) => write!(
                f,
                "there is no exercise called `{}` in this class",
                crate::diag::shorten(name)
            ),
        }
    }
}

/// The class's two codes, kept in class.json.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Codes {
    class_code: String,
    teacher_code: String,
}

/// A student who joined.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Student {
    /// Made by the server (s1, s2...): names the student's folder.
    pub id: String,
    /// As the student typed it.
    pub name: String,
    /// The session token in the student's cookie.
    token: String,
}

impl Student {
    /// The session token in the student's cookie.
    pub fn token(&self) -> &str {
        &self.token
    }
}

/// An exercise (or the practice scenario) a student can open.
#[derive(Clone)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    /// The text handed out.
    pub text: Arc<str>,
    /// What an answer must keep; `None` for the practice scenario, which is not graded.
    pub checker: Option<Arc<expect::Exercise>>,
}

/// What a student handed in, for the teacher's page and the gradebook.
#[derive(Clone)]
pub struct HandIn {
    pub student: Student,
    pub exercise: Exercise,
    /// The file as saved (relative to the class folder).
    pub file: String,
    pub text: Arc<str>,
}

/// A class folder opened by the server.
pub struct Class {
    dir: PathBuf,
    codes: Codes,
    exercises: Vec<Exercise>,
    students: Mutex<Vec<Student>>,
    /// Teacher session tokens (kept in memory: a restart asks the teacher to sign in again).
    teachers: Mutex<Vec<String>>,
}

impl Class {
    /// Opens (or starts) the class in `dir`: its codes, exercises and students. Problems
    /// with an exercise file are returned as warnings; the class opens without it.
    pub fn open(dir: &Path) -> Result<(Class, Vec<String>), Diagnostic> {
        let fail = |what: &str, e: std::io::Error| {
            Diagnostic::file(dir.display().to_string(), format!("cannot {what}: {e}"))
                .with_help("give --class a folder you may write to")
        };
        std::fs::create_dir_all(dir.join("exercises")).map_err(|e| fail("create the folder", e))?;
        std::fs::create_dir_all(dir.join("work")).map_err(|e| fail("create the folder", e))?;
        let codes = match read_json::<Codes>(&dir.join("class.json"))? {
            Some(codes) => codes,
            None => {
                let codes = Codes {
                    class_code: new_code(8),
                    teacher_code: new_code(12),
                };
                write_json(&dir.join("class.json"), &codes)?;
                private(&dir.join("class.json"));
                codes
            }
        };
        let students = read_json::<Vec<Student>>(&dir.join("students.json"))?.unwrap_or_default();
        let (exercises, warnings) = load_exercises(&dir.join("exercises"))?;
        Ok((
            Class {
                dir: dir.to_path_buf(),
                codes,
                exercises,
                students: Mutex::new(students),
                teachers: Mutex::new(Vec::new()),
            },
            warnings,
        ))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The code students type to join, as shown (ABCD-EFGH).
    pub fn class_code(&self) -> String {
        show_code(&self.codes.class_code)
    }

    /// The teacher's code, as shown.
    pub fn teacher_code(&self) -> String {
        show_code(&self.codes.teacher_code)
    }

    /// Whether `given` is the class code (case, spaces and dashes aside).
    pub fn is_class_code(&self, given: &str) -> bool {
        same_code(given, &self.codes.class_code)
    }

    /// Whether `given` is the teacher's code.
    pub fn is_teacher_code(&self, given: &str) -> bool {
        same_code(given, &self.codes.teacher_code)
    }

    /// The exercises in name order, then the practice scenario.
    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    /// An exercise by id; never a path.
    pub fn exercise(&self, id: &str) -> Result<&Exercise, Refusal> {
        self.exercises
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| Refusal::NoSuchExercise(id.to_string()))
    }

    /// A new student, with the class code: their session token.
    pub fn join(&self, code: &str, name: &str) -> Result<Result<Student, Refusal>, Diagnostic> {
        if !self.is_class_code(code) {
            return Ok(Err(Refusal::WrongCode));
        }
        let name = name.trim();
        if let Err(why) = check_name(name) {
            return Ok(Err(Refusal::BadName(why)));
        }
        let mut students = lock(&self.students);
        if students
            .iter()
            .any(|s| s.name.to_lowercase() == name.to_lowercase())
        {
            return Ok(Err(Refusal::BadName(format!(
                "someone already joined as {name}: add your last name or initial (if it was you on another computer, your teacher can find your work in the class folder)"
            ))));
        }
        let student = Student {
            id: format!("s{}", students.len() + 1),
            name: name.to_string(),
            token: new_token(),
        };
        let mut all = students.clone();
        all.push(student.clone());
        write_json(&self.dir.join("students.json"), &all)?;
        private(&self.dir.join("students.json"));
        *students = all;
        Ok(Ok(student))
    }

    /// The student a session token belongs to.
    pub fn student(&self, token: &str) -> Option<Student> {
        lock(&self.students)
            .iter()
            .find(|s| constant_time_eq(s.token.as_bytes(), token.as_bytes()))
            .cloned()
    }

    /// Every student, in the order they joined.
    pub fn students(&self) -> Vec<Student> {
        lock(&self.students).clone()
    }

    /// A teacher session, with the teacher's code.
    pub fn teacher_login(&self, code: &str) -> Result<String, Refusal> {
        if !self.is_teacher_code(code) {
            return Err(Refusal::WrongCode);
        }
        let token = new_token();
        lock(&self.teachers).push(token.clone());
        Ok(token)
    }

    /// Whether a token is a teacher's session.
    pub fn is_teacher(&self, token: &str) -> bool {
        lock(&self.teachers)
            .iter()
            .any(|t| constant_time_eq(t.as_bytes(), token.as_bytes()))
    }

    fn work_file(&self, student: &Student, exercise: &Exercise, handed_in: bool) -> PathBuf {
        let name = if handed_in {
            format!("{}.handed-in.yaml", exercise.id)
        } else {
            format!("{}.yaml", exercise.id)
        };
        self.dir.join("work").join(&student.id).join(name)
    }

    /// A student's work on an exercise: what they last saved, else the exercise.
    pub fn work(&self, student: &Student, exercise: &Exercise) -> Arc<str> {
        let path = self.work_file(student, exercise, false);
        match std::fs::read_to_string(&path) {
            Ok(text) => text.into(),
            Err(_) => Arc::clone(&exercise.text),
        }
    }

    /// Saves a student's work atomically (a reader never sees half a file).
    pub fn save(
        &self,
        student: &Student,
        exercise: &Exercise,
        text: &str,
        handed_in: bool,
    ) -> Result<(), Diagnostic> {
        let path = self.work_file(student, exercise, handed_in);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| {
                Diagnostic::file(folder.display().to_string(), format!("cannot create: {e}"))
            })?;
        }
        files::write_atomic(&path, text.as_bytes(), &[])
    }

    /// Everything handed in, by student (in the order they joined), then exercise.
    pub fn hand_ins(&self) -> Vec<HandIn> {
        let mut out = Vec::new();
        for student in self.students() {
            for exercise in self.exercises.iter().filter(|e| e.checker.is_some()) {
                let path = self.work_file(&student, exercise, true);
                if let Ok(text) = std::fs::read_to_string(&path) {
                    let file = path
                        .strip_prefix(&self.dir)
                        .unwrap_or(&path)
                        .display()
                        .to_string();
                    out.push(HandIn {
                        student: student.clone(),
                        exercise: exercise.clone(),
                        file,
                        text: text.into(),
                    });
                }
            }
        }
        out
    }
}

/// The exercises in `dir` (seeded with the built-in ones when it has none), in name
/// order, then the practice scenario.
fn load_exercises(dir: &Path) -> Result<(Vec<Exercise>, Vec<String>), Diagnostic> {
    let yaml_files = |dir: &Path| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml") && p.is_file())
            .collect();
        found.sort();
        found
    };
    if yaml_files(dir).is_empty() {
        for (id, text) in BUILT_IN_EXERCISES {
            files::write_atomic(&dir.join(format!("{id}.yaml")), text.as_bytes(), &[])?;
        }
    }
    let mut exercises = Vec::new();
    let mut warnings = Vec::new();
    for path in yaml_files(dir) {
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if !is_exercise_id(&id) || id == PRACTICE_ID {
            warnings.push(format!(
                "{}: skipped: an exercise's file name must be lowercase letters, digits and dashes (and not `{PRACTICE_ID}`)",
                path.display()
            ));
            continue;
        }
        let text = match files::read_text(&path) {
            Ok(text) => text,
            Err(d) => {
                warnings.push(d.render(false));
                continue;
            }
        };
        let checker = match expect::Exercise::new(&files::shown(&path), &text) {
            Ok(checker) => checker,
            Err(d) => {
                warnings.push(d.render(false));
                continue;
            }
        };
        exercises.push(Exercise {
            title: title_of(&text).unwrap_or_else(|| id.clone()),
            id,
            text,
            checker: Some(Arc::new(checker)),
        });
    }
    exercises.push(Exercise {
        id: PRACTICE_ID.to_string(),
        title: "Practice: any scenario".to_string(),
        text: PRACTICE.into(),
        checker: None,
    });
    Ok((exercises, warnings))
}

/// A scenario's title, read loosely (an exercise is checked when a student runs it).
fn title_of(text: &Arc<str>) -> Option<String> {
    #[derive(Deserialize)]
    struct Titled {
        title: Option<String>,
    }
    crate::yaml::from_str::<Titled>("exercise", text)
        .ok()
        .and_then(|t| t.title)
}

/// Lowercase letters, digits and dashes, starting with a letter or digit: never a path.
pub fn is_exercise_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// A name is shown on the teacher's page and in the gradebook, never used as a path.
fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("type your name".to_string());
    }
    if name.chars().count() > NAME_CHARS {
        return Err(format!("a name is at most {NAME_CHARS} characters"));
    }
    if name.chars().any(char::is_control) {
        return Err("a name cannot hold control characters".to_string());
    }
    Ok(())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock leaves data that is still whole (every change is
    // a single assignment), so carry on with it.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>, Diagnostic> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Diagnostic::file(
                path.display().to_string(),
                format!("cannot read: {e}"),
            ));
        }
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        Diagnostic::file(
            path.display().to_string(),
            format!("cannot read the class file: {e}"),
        )
        .with_help("restore it from a copy, or move the class folder aside to start a new class")
    })
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), Diagnostic> {
    let mut text = serde_json::to_string_pretty(value).expect("class data serializes");
    text.push('\n');
    files::write_atomic(path, text.as_bytes(), &[])
}

/// Only the owner reads the files holding codes and tokens.
fn private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Random bytes from the operating system.
fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes
}

/// A code of `len` characters from [`CODE_ALPHABET`] (5 bits each).
fn new_code(len: usize) -> String {
    random::<16>()
        .iter()
        .take(len)
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect()
}

/// A session token: 128 random bits in hex.
fn new_token() -> String {
    random::<16>().iter().map(|b| format!("{b:02x}")).collect()
}

/// A code in groups of four: ABCD-EFGH.
fn show_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// Compares a typed code with the real one, ignoring case, spaces and dashes, in time
/// that does not depend on where they differ.
fn same_code(given: &str, code: &str) -> bool {
    let given: String = given
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    constant_time_eq(given.as_bytes(), code.as_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_typed_loosely_but_must_match() {
        assert!(same_code("abcd-efgh", "ABCDEFGH"));
        assert!(same_code(" ABCD EFGH ", "ABCDEFGH"));
        assert!(!same_code("ABCDEFGX", "ABCDEFGH"));
        assert!(!same_code("ABCDEFG", "ABCDEFGH"));
        assert!(!same_code("", "ABCDEFGH"));
        assert_eq!(show_code("ABCDEFGH"), "ABCD-EFGH");
        let code = new_code(8);
        assert_eq!(code.len(), 8);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_ne!(new_token(), new_token());
    }

    #[test]
    fn exercise_ids_are_never_paths() {
        for ok in ["1-make-it-lawful", "abc", "x2"] {
            assert!(is_exercise_id(ok), "{ok}");
        }
        for bad in ["", "../x", "a/b", "..", "-x", "A", "a.yaml", "a\\b", "é"] {
            assert!(!is_exercise_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_class_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let (class, warnings) = Class::open(dir.path()).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let ids: Vec<&str> = class.exercises().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "1-make-it-lawful",
                "2-stop-it-in-court",
                "3-override-the-veto",
                "practice"
            ]
        );
        assert_eq!(class.join("WRONG", "Ana").unwrap(), Err(Refusal::WrongCode));
        let ana = class.join(&class.class_code(), "Ana").unwrap().unwrap();
        assert!(matches!(
            class.join(&class.class_code(), "ana").unwrap(),
            Err(Refusal::BadName(_))
        ));
        let exercise = class.exercise("1-make-it-lawful").unwrap().clone();
        class.save(&ana, &exercise, "title: mine\n", false).unwrap();
        let code = class.class_code();
        drop(class);

        let (again, _) = Class::open(dir.path()).unwrap();
        assert_eq!(again.class_code(), code);
        let ana_again = again.student(&ana.token).unwrap();
        assert_eq!(ana_again.name, "Ana");
        assert_eq!(&*again.work(&ana_again, &exercise), "title: mine\n");
        assert!(again.student("not-a-token").is_none());
        assert!(matches!(
            again.exercise("../students"),
            Err(Refusal::NoSuchExercise(_))
        ));
    }
}
