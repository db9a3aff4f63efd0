//! A layered (Sugiyama-style) layout for one track, written for these small graphs:
//! boxes of different sizes, a label on every edge, a few back edges.
//!
//! 1. Cycles are broken by reversing the back edges of a depth-first search from the
//!    start stage.
//! 2. Stages are ranked by longest path; each edge's label becomes a box of its own on
//!    the layer between the two stages (as Graphviz does), and longer edges get thin
//!    dummy boxes on the layers they cross, so labels take part in the layout and never
//!    overlap a stage or each other.
//! 3. Each layer is ordered by barycentre sweeps, keeping the order with fewest crossings.
//! 4. Horizontal positions: each box is pulled towards the mean of its neighbours while
//!    keeping its layer's order and spacing, solved exactly per layer by isotonic
//!    regression (pool adjacent violators); a few sweeps down and up.
//!
//! Boxes on one layer are separated by at least [`GAP`], layers by at least
//! [`LAYER_GAP`]: the no-overlap guarantee is by construction and is also tested.

/// Horizontal space between boxes on one layer.
pub const GAP: f64 = 24.0;
/// Vertical space between layers.
pub const LAYER_GAP: f64 = 26.0;

/// A box's size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub w: f64,
    pub h: f64,
}

/// A placed box: top-left corner and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    /// Whether two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    pub fn translate(&self, dx: f64, dy: f64) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }
}

/// An edge to lay out, with the size of its label.
#[derive(Clone, Copy, Debug)]
pub struct EdgeIn {
    pub from: usize,
    pub to: usize,
    pub label: Size,
}

/// A laid-out edge: the points it passes through, from its source to its target.
#[derive(Clone, Debug)]
pub struct EdgeOut {
    pub points: Vec<(f64, f64)>,
    pub label: Rect,
}

/// The result, with (0, 0) at the top left of the bounding box.
#[derive(Clone, Debug)]
pub struct Layout {
    pub nodes: Vec<Rect>,
    pub edges: Vec<EdgeOut>,
    pub width: f64,
    pub height: f64,
}

/// The thin box a long edge passes through on a layer it crosses.
const DUMMY: Size = Size { w: 6.0, h: 1.0 };

#[derive(Clone, Copy, Debug)]
enum Item {
    Node(usize),
    Label,
    Dummy,
}

/// Lays out `nodes` and `edges` (no self-loops) from the top down, `start` first, in
/// the four steps of a Sugiyama layout: break cycles, rank into layers, order each layer
/// to cut crossings, place horizontally; then the boxes and edge routes are measured.
pub fn layered(nodes: &[Size], edges: &[EdgeIn], start: usize) -> Layout {
    let n = nodes.len();
    if n == 0 {
        return Layout {
            nodes: Vec::new(),
            edges: Vec::new(),
            width: 0.0,
            height: 0.0,
        };
    }
    let (reversed, dag) = break_cycles(n, edges, start);
    let rank = rank(n, &dag);
    let mut graph = Layered::build(nodes, edges, &dag, &rank);
    graph.order();
    let x = graph.place_x();
    graph.measure(n, &dag, &reversed, &x)
}

/// Step 1: the back edges found by a depth-first search from the start (then from any
/// stage left), reversed; returns which were, and every edge as (upper, lower).
fn break_cycles(n: usize, edges: &[EdgeIn], start: usize) -> (Vec<bool>, Vec<(usize, usize)>) {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in edges.iter().enumerate() {
        out[e.from].push(i);
    }
    let mut reversed = vec![false; edges.len()];
    let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    let roots = std::iter::once(start.min(n - 1)).chain(0..n);
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some((v, k)) = stack.pop() {
            if k < out[v].len() {
                stack.push((v, k + 1));
                let e = out[v][k];
                let w = edges[e].to;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => reversed[e] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
            }
        }
    }
    let dag = edges
        .iter()
        .zip(&reversed)
        .map(|(e, r)| if *r { (e.to, e.from) } else { (e.from, e.to) })
        .collect();

    (reversed, dag)
}

/// Step 2: longest-path ranks (the graph is small; relax until stable).
fn rank(n: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut rank = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(a, b) in dag {
            if a != b && rank[b] < rank[a] + 1 {
                rank[b] = rank[a] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    rank
}

/// The layered graph: every box (stages, edge labels, and the thin boxes long edges pass
/// through) with its size and layer, the layers' orders, and each edge's chain of boxes.
struct Layered {
    items: Vec<(Item, Size, usize)>,
    layers: Vec<Vec<usize>>,
    chains: Vec<Vec<usize>>,
    /// Adjacent pairs (upper item, lower item) across consecutive layers.
    pairs: Vec<(usize, usize)>,
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
}

impl Layered {
    /// Stages on even layers, each edge's label on the layer below its upper stage, and
    /// a thin box on every other layer a long edge crosses.
    fn build(nodes: &[Size], edges: &[EdgeIn], dag: &[(usize, usize)], rank: &[usize]) -> Layered {
        let layers_count = rank.iter().max().copied().unwrap_or(0) * 2 + 1;
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); layers_count];
        let mut items: Vec<(Item, Size, usize)> = Vec::new(); // item, size, layer
        for (v, size) in nodes.iter().enumerate() {
            layers[rank[v] * 2].push(items.len());
            items.push((Item::Node(v), *size, rank[v] * 2));
        }
        // Chains: for each edge the items it passes through, top to bottom.
        let mut chains: Vec<Vec<usize>> = Vec::new();
        for (i, &(a, b)) in dag.iter().enumerate() {
            let (top, bottom) = (rank[a] * 2, rank[b] * 2);
            // Stages were pushed first, so a stage's item index is its own index.
            let mut chain = vec![a];
            for (layer, members) in layers.iter_mut().enumerate().take(bottom).skip(top + 1) {
                let (item, size) = if layer == top + 1 {
                    (Item::Label, edges[i].label)
                } else {
                    (Item::Dummy, DUMMY)
                };
                members.push(items.len());
                chain.push(items.len());
                items.push((item, size, layer));
            }
            chain.push(b);
            chains.push(chain);
        }
        // Adjacent pairs (upper item, lower item) across consecutive layers.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for chain in &chains {
            for w in chain.windows(2) {
                pairs.push((w[0], w[1]));
            }
        }
        let mut up: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
        let mut down: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
        for &(a, b) in &pairs {
            down[a].push(b);
            up[b].push(a);
        }
        Layered {
            items,
            layers,
            chains,
            pairs,
            up,
            down,
        }
    }

    /// Step 3: barycentre sweeps down and up, keeping the order with the fewest crossings.
    fn order(&mut self) {
        let Layered {
            items,
            layers,
            pairs,
            up,
            down,
            ..
        } = self;
        let (items, pairs, up, down) = (&*items, &*pairs, &*up, &*down);
        let mut pos = vec![0.0f64; items.len()];
        let set_pos = |layers: &[Vec<usize>], pos: &mut Vec<f64>| {
            for layer in layers {
                for (k, &it) in layer.iter().enumerate() {
                    pos[it] = k as f64;
                }
            }
        };
        set_pos(layers, &mut pos);
        let mut best = layers.clone();
        let mut best_crossings = crossings(layers, pairs, items);
        for sweep in 0..12 {
            let downward = sweep % 2 == 0;
            let order: Vec<usize> = if downward {
                (1..layers.len()).collect()
            } else {
                (0..layers.len().saturating_sub(1)).rev().collect()
            };
            for l in order {
                let neighbours = if downward { up } else { down };
                let mut keyed: Vec<(f64, usize, usize)> = layers[l]
                    .iter()
                    .enumerate()
                    .map(|(k, &it)| {
                        let ns = &neighbours[it];
                        let bary = if ns.is_empty() {
                            pos[it]
                        } else {
                            ns.iter().map(|&x| pos[x]).sum::<f64>() / ns.len() as f64
                        };
                        (bary, k, it)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                layers[l] = keyed.into_iter().map(|(_, _, it)| it).collect();
                for (k, &it) in layers[l].iter().enumerate() {
                    pos[it] = k as f64;
                }
            }
            let c = crossings(layers, pairs, items);
            if c < best_crossings {
                best_crossings = c;
                best = layers.clone();
            }
        }
        *layers = best;
    }

    /// Step 4: horizontal centres, each box pulled towards its neighbours in sweeps down
    /// and up, keeping the layer's order and the gaps.
    fn place_x(&self) -> Vec<f64> {
        let Layered {
            items,
            layers,
            up,
            down,
            ..
        } = self;
        let mut x = vec![0.0f64; items.len()];
        for layer in layers {
            let mut left = 0.0;
            for &it in layer {
                x[it] = left + items[it].1.w / 2.0;
                left += items[it].1.w + GAP;
            }
        }
        for sweep in 0..16 {
            let downward = sweep % 2 == 0;
            let order: Vec<usize> = if downward {
                (0..layers.len()).collect()
            } else {
                (0..layers.len()).rev().collect()
            };
            for l in order {
                let layer = &layers[l];
                let desired: Vec<f64> = layer
                    .iter()
                    .map(|&it| {
                        let ns: Vec<usize> = up[it].iter().chain(&down[it]).copied().collect();
                        if ns.is_empty() {
                            x[it]
                        } else {
                            ns.iter().map(|&o| x[o]).sum::<f64>() / ns.len() as f64
                        }
                    })
                    .collect();
                let widths: Vec<f64> = layer.iter().map(|&it| items[it].1.w).collect();
                let placed = place_in_order(&desired, &widths);
                for (k, &it) in layer.iter().enumerate() {
                    x[it] = placed[k];
                }
            }
        }
        x
    }

    /// The boxes and the edges' routes: each layer as tall as its tallest box, boxes
    /// centred on their layer, the whole moved to start at (0, 0).
    fn measure(&self, n: usize, dag: &[(usize, usize)], reversed: &[bool], x: &[f64]) -> Layout {
        let Layered {
            items,
            layers,
            chains,
            ..
        } = self;
        let min_left = items
            .iter()
            .enumerate()
            .map(|(i, it)| x[i] - it.1.w / 2.0)
            .fold(f64::INFINITY, f64::min);
        let mut layer_top = vec![0.0f64; layers.len()];
        let mut layer_height = vec![0.0f64; layers.len()];
        let mut top = 0.0;
        for (l, layer) in layers.iter().enumerate() {
            let h = layer.iter().map(|&it| items[it].1.h).fold(0.0, f64::max);
            layer_top[l] = top;
            layer_height[l] = h;
            if !layer.is_empty() {
                top += h + LAYER_GAP;
            }
        }
        let rect_of = |it: usize| {
            let (_, size, layer) = items[it];
            Rect {
                x: x[it] - size.w / 2.0 - min_left,
                y: layer_top[layer] + (layer_height[layer] - size.h) / 2.0,
                w: size.w,
                h: size.h,
            }
        };
        let mut node_rects = vec![
            Rect {
                x: 0.0,
                y: 0.0,
                w: 0.0,
                h: 0.0
            };
            n
        ];
        for (it, item) in items.iter().enumerate() {
            if let Item::Node(v) = item.0 {
                node_rects[v] = rect_of(it);
            }
        }
        let out_edges = chains
            .iter()
            .enumerate()
            .map(|(i, chain)| self.route(chain, dag[i], reversed[i], &node_rects, &rect_of))
            .collect();
        let width = items
            .iter()
            .enumerate()
            .map(|(i, it)| x[i] + it.1.w / 2.0 - min_left)
            .fold(0.0, f64::max);
        let height = (top - LAYER_GAP).max(0.0);
        Layout {
            nodes: node_rects,
            edges: out_edges,
            width,
            height,
        }
    }

    /// One edge's route: from its upper box through the boxes of its chain (its label's
    /// among them) to its lower box, pointing the way the edge runs.
    fn route(
        &self,
        chain: &[usize],
        (a, b): (usize, usize),
        reversed: bool,
        node_rects: &[Rect],
        rect_of: &dyn Fn(usize) -> Rect,
    ) -> EdgeOut {
        let items = &self.items;
        let mut points = Vec::new();
        let mut label = None;
        let inner: Vec<Rect> = chain[1..chain.len() - 1]
            .iter()
            .map(|&it| rect_of(it))
            .collect();
        for (k, &it) in chain[1..chain.len() - 1].iter().enumerate() {
            if let Item::Label = items[it].0 {
                label = Some(inner[k]);
            }
        }
        let (ra, rb) = (node_rects[a], node_rects[b]);
        let first_x = inner.first().map_or(rb.cx(), |r| r.cx());
        let last_x = inner.last().map_or(ra.cx(), |r| r.cx());
        points.push((attach(&ra, first_x), ra.bottom()));
        for r in &inner {
            points.push((r.cx(), r.y));
            if r.h > DUMMY.h {
                points.push((r.cx(), r.bottom()));
            }
        }
        points.push((attach(&rb, last_x), rb.y));
        if reversed {
            points.reverse();
        }
        EdgeOut {
            points,
            label: label.unwrap_or(Rect {
                x: ra.cx(),
                y: ra.bottom(),
                w: 0.0,
                h: 0.0,
            }),
        }
    }
}

/// Where an edge leaves or enters a box: straight towards its neighbour, within the
/// box's width less a margin, so that edges to one box do not meet at one point.
fn attach(rect: &Rect, towards: f64) -> f64 {
    let margin = (rect.w / 4.0).min(24.0);
    towards.clamp(rect.x + margin, rect.right() - margin)
}

/// Crossings between consecutive layers, counted pair by pair.
fn crossings(
    layers: &[Vec<usize>],
    pairs: &[(usize, usize)],
    items: &[(Item, Size, usize)],
) -> usize {
    let mut index = vec![0usize; items.len()];
    for layer in layers {
        for (k, &it) in layer.iter().enumerate() {
            index[it] = k;
        }
    }
    let mut count = 0;
    for (i, &(a1, b1)) in pairs.iter().enumerate() {
        for &(a2, b2) in &pairs[i + 1..] {
            if items[a1].2 != items[a2].2 {
                continue;
            }
            let (u1, u2, l1, l2) = (index[a1], index[a2], index[b1], index[b2]);
            if (u1 < u2 && l1 > l2) || (u1 > u2 && l1 < l2) {
                count += 1;
            }
        }
    }
    count
}

/// Centres for boxes kept in this order, at least [`GAP`] apart, as close as possible
/// (least squares) to the desired centres: isotonic regression on the offsets.
pub fn place_in_order(desired: &[f64], widths: &[f64]) -> Vec<f64> {
    // x_k = offset_k + z_k with offset the packed position; z must not decrease.
    let mut offset = Vec::with_capacity(widths.len());
    let mut acc = 0.0;
    for (k, w) in widths.iter().enumerate() {
        if k > 0 {
            acc += widths[k - 1] / 2.0 + GAP + w / 2.0;
        }
        offset.push(acc);
    }
    let targets: Vec<f64> = desired.iter().zip(&offset).map(|(d, o)| d - o).collect();
    // Pool adjacent violators: blocks of (mean, count).
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for t in targets {
        blocks.push((t, 1));
        while blocks.len() > 1 {
            let (m2, c2) = blocks[blocks.len() - 1];
            let (m1, c1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.pop();
            let merged = (m1 * c1 as f64 + m2 * c2 as f64) / (c1 + c2) as f64;
            *blocks.last_mut().expect("two blocks") = (merged, c1 + c2);
        }
    }
    let mut z = Vec::with_capacity(widths.len());
    for (m, c) in blocks {
        z.extend(std::iter::repeat_n(m, c));
    }
    offset.iter().zip(z).map(|(o, z)| o + z).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(k: usize) -> Vec<Size> {
        (0..k)
            .map(|i| Size {
                w: 80.0 + 10.0 * i as f64,
                h: 40.0,
            })
            .collect()
    }
    fn edge(from: usize, to: usize) -> EdgeIn {
        EdgeIn {
            from,
            to,
            label: Size { w: 70.0, h: 20.0 },
        }
    }

    fn assert_no_overlap(layout: &Layout) {
        let mut rects: Vec<Rect> = layout.nodes.clone();
        rects.extend(layout.edges.iter().map(|e| e.label));
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_chain_goes_down_and_labels_sit_between() {
        let layout = layered(&boxes(3), &[edge(0, 1), edge(1, 2)], 0);
        assert!(layout.nodes[0].bottom() <= layout.edges[0].label.y);
        assert!(layout.edges[0].label.bottom() <= layout.nodes[1].y);
        assert!(layout.nodes[1].bottom() < layout.nodes[2].y);
        assert_no_overlap(&layout);
    }

    #[test]
    fn a_back_edge_points_up_and_nothing_overlaps() {
        // party -> notice -> withdrawn, notice -> party (rescind), two edges 0 -> 1.
        let layout = layered(&boxes(3), &[edge(0, 1), edge(1, 0), edge(1, 2)], 0);
        let back = &layout.edges[1];
        let first = back.points.first().unwrap();
        let last = back.points.last().unwrap();
        assert!(first.1 > last.1, "a back edge runs upwards: {back:?}");
        assert!(layout.nodes[0].bottom() < layout.nodes[1].y);
        assert_no_overlap(&layout);
    }

    #[test]
    fn a_wide_fan_out_keeps_its_spacing() {
        let edges: Vec<EdgeIn> = (1..7).map(|k| edge(0, k)).collect();
        let mut sizes = boxes(7);
        sizes[0].w = 300.0;
        let layout = layered(&sizes, &edges, 0);
        assert_no_overlap(&layout);
        assert!(layout.width > 6.0 * 80.0);
    }

    #[test]
    fn long_edges_get_one_label_each() {
        let layout = layered(
            &boxes(4),
            &[edge(0, 1), edge(1, 2), edge(2, 3), edge(0, 3)],
            0,
        );
        assert_eq!(layout.edges.len(), 4);
        assert!(layout.edges[3].label.w > 0.0);
        assert_no_overlap(&layout);
    }

    #[test]
    fn placement_keeps_order_and_gap() {
        let xs = place_in_order(&[0.0, 0.0, 0.0], &[10.0, 10.0, 10.0]);
        assert!(xs[1] - xs[0] >= 10.0 + GAP - 1e-9);
        assert!(xs[2] - xs[1] >= 10.0 + GAP - 1e-9);
        // Centred on the target when the order allows.
        assert!((xs[1] - 0.0).abs() < 1e-9);
        let free = place_in_order(&[0.0, 500.0], &[10.0, 10.0]);
        assert_eq!(free, vec![0.0, 500.0]);
    }

    #[test]
    fn a_single_node_and_nothing_at_all() {
        let one = layered(&boxes(1), &[], 0);
        assert_eq!(one.nodes[0].x, 0.0);
        assert_eq!(one.width, 80.0);
        let none = layered(&[], &[], 0);
        assert!(none.nodes.is_empty());
    }
}
