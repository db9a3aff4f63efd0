//! The examples in docs/ run: every ```yaml block in docs/scenario-format.md is a
//! scenario that must run and meet its own expectations.

mod common;

use common::*;

#[test]
fn scenario_format_examples_run() {
    let doc = std::fs::read_to_string(root().join("docs/scenario-format.md")).unwrap();
    let blocks: Vec<&str> = doc
        .split("```yaml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect();
    assert!(
        !blocks.is_empty(),
        "docs/scenario-format.md has no yaml examples"
    );
    let dir = std::env::temp_dir().join(format!("treatysim-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, block) in blocks.iter().enumerate() {
        let path = dir.join(format!("example{i}.yaml"));
        std::fs::write(&path, block).unwrap();
        let out = run_bin(&["test", path.to_str().unwrap()]);
        assert_exit(&out, 0, &format!("example {i} of docs/scenario-format.md"));
        assert!(
            text(&out.stdout).contains("1 passed, 0 failed"),
            "example {i} checks nothing"
        );
    }
}
