//! The tree of a page, for [`super`]: takes markup and returns [`Dom`], the
//! document html5ever builds from it (implied end tags, misnested markup,
//! entities, as a browser builds it), kept small: one arena of nodes, all the
//! text in one buffer, and per element only its name, its source line, the
//! few facts the walk asks of its attributes (worked out once, as the element
//! is created) and the attributes it reads (`href`, `rel`, `property`,
//! `content`).

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, QualName};

/// A node of a [`Dom`]: its index in the arena.
pub(super) type Id = usize;

/// No node (the end of a sibling list, the parent of a node not in the tree).
const NONE: Id = usize::MAX;

/// The parsed page.
pub(super) struct Dom {
    nodes: Vec<Node>,
    /// The text of every text node, each a range of it.
    text: String,
    /// The attributes elements keep, each element a range of it.
    attrs: Vec<(Attr, StrTendril)>,
    /// What [`TreeSink::elem_name`] answers for a node that is not an element
    /// (html5ever never asks).
    no_name: QualName,
}

struct Node {
    parent: Id,
    first_child: Id,
    last_child: Id,
    prev: Id,
    next: Id,
    data: Data,
}

/// What a node is.
pub(super) enum Data {
    /// The document: the root.
    Document,
    /// An element.
    Element(Element),
    /// Text: a range of [`Dom::text`].
    Text(usize, usize),
    /// A comment.
    Comment,
    /// A template's contents or a processing instruction.
    Other,
}

/// An element: its name and what the walk reads of its attributes.
pub(super) struct Element {
    /// The element's name.
    pub(super) name: QualName,
    /// The source line of its start tag.
    pub(super) line: usize,
    flags: u16,
    /// Its kept attributes: a range of [`Dom::attrs`].
    attrs: (usize, usize),
    /// A `<template>`'s contents (a child of it, as in scraper's tree), else [`NONE`].
    template: Id,
}

/// The attributes an element keeps (the walk reads their values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attr {
    Href,
    Rel,
    Property,
    Content,
}

/// [`Element::flags`]: facts about the element, from its name and attributes.
mod flag {
    /// [`super::super::is_block`].
    pub(super) const BLOCK: u16 = 1;
    /// Furniture by its name ([`super::super::is_furniture_element`], or `<footer>`).
    pub(super) const FURNITURE_NAME: u16 = 1 << 1;
    /// `hidden`, `aria-hidden="true"`, or hidden by its `style`.
    pub(super) const HIDDEN: u16 = 1 << 2;
    /// Furniture by its role, class or id.
    pub(super) const FURNITURE_ATTR: u16 = 1 << 3;
    /// `role="main"`.
    pub(super) const ROLE_MAIN: u16 = 1 << 4;
    // Which attributes the facts came from, so that `add_attrs_if_missing`
    // adds only the missing ones, as it would to a full element.
    pub(super) const HAS_ID: u16 = 1 << 5;
    pub(super) const HAS_CLASS: u16 = 1 << 6;
    pub(super) const HAS_ROLE: u16 = 1 << 7;
    pub(super) const HAS_ARIA_HIDDEN: u16 = 1 << 8;
    pub(super) const HAS_STYLE: u16 = 1 << 9;
}

impl Element {
    /// The element's local name (`div`, `p`, …).
    pub(super) fn name(&self) -> &str {
        &self.name.local
    }

    /// Ends a line of text when it starts or ends ([`super::is_block`]).
    pub(super) fn is_block(&self) -> bool {
        self.flags & flag::BLOCK != 0
    }

    /// `hidden`, `aria-hidden="true"`, or `display: none` / `visibility: hidden`.
    pub(super) fn is_hidden(&self) -> bool {
        self.flags & flag::HIDDEN != 0
    }

    /// Page header, footer, navigation, cookie banner or hidden: its content
    /// is never decision text.
    pub(super) fn is_furniture(&self) -> bool {
        self.flags & (flag::FURNITURE_NAME | flag::HIDDEN | flag::FURNITURE_ATTR) != 0
    }

    /// `role="main"`.
    pub(super) fn is_role_main(&self) -> bool {
        self.flags & flag::ROLE_MAIN != 0
    }
}

/// The facts one attribute gives (with the flag of its presence), and whether
/// the element keeps it.
fn attribute(name: &QualName, value: &str) -> (u16, Option<Attr>) {
    // As scraper's `Element::attr` reads them: plain attributes, not `xlink:href`.
    if name.ns != ns!() || name.prefix.is_some() {
        return (0, None);
    }
    let local = &name.local;
    if *local == local_name!("href") {
        (0, Some(Attr::Href))
    } else if *local == local_name!("rel") {
        (0, Some(Attr::Rel))
    } else if *local == local_name!("property") {
        (0, Some(Attr::Property))
    } else if *local == local_name!("content") {
        (0, Some(Attr::Content))
    } else if *local == local_name!("class") {
        let furniture = super::has_furniture_word(value);
        (flag::HAS_CLASS | if furniture { flag::FURNITURE_ATTR } else { 0 }, None)
    } else if *local == local_name!("id") {
        let furniture = super::has_furniture_word(value);
        (flag::HAS_ID | if furniture { flag::FURNITURE_ATTR } else { 0 }, None)
    } else if *local == local_name!("role") {
        let mut f = flag::HAS_ROLE;
        if super::is_furniture_role(value) {
            f |= flag::FURNITURE_ATTR;
        }
        if value.eq_ignore_ascii_case("main") {
            f |= flag::ROLE_MAIN;
        }
        (f, None)
    } else if *local == local_name!("hidden") {
        (flag::HIDDEN, None)
    } else if *local == local_name!("aria-hidden") {
        let hidden = value.trim().eq_ignore_ascii_case("true");
        (flag::HAS_ARIA_HIDDEN | if hidden { flag::HIDDEN } else { 0 }, None)
    } else if *local == local_name!("style") {
        let hidden = super::style_hides(value);
        (flag::HAS_STYLE | if hidden { flag::HIDDEN } else { 0 }, None)
    } else {
        (0, None)
    }
}

/// The presence flag of the attribute whose facts are `facts`.
fn presence(facts: u16) -> u16 {
    facts & (flag::HAS_ID | flag::HAS_CLASS | flag::HAS_ROLE | flag::HAS_ARIA_HIDDEN | flag::HAS_STYLE)
}

impl Dom {
    /// Parses markup with html5ever into the tree, keeping each element's
    /// source line.
    pub(super) fn parse(markup: &str) -> Dom {
        let dom = Dom {
            // About one node per 25 bytes of a decision page.
            nodes: Vec::with_capacity(markup.len() / 24 + 4),
            text: String::with_capacity(markup.len()),
            attrs: Vec::new(),
            no_name: QualName::new(None, ns!(), local_name!("")),
        };
        let mut dom = dom;
        dom.push(Data::Document);
        let sink = Sink {
            dom: RefCell::new(dom),
            line: Cell::new(1),
        };
        html5ever::driver::parse_document(sink, Default::default()).one(markup)
    }

    /// The number of nodes.
    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The document node.
    pub(super) fn root(&self) -> Id {
        0
    }

    /// What node `id` is.
    pub(super) fn data(&self, id: Id) -> &Data {
        &self.nodes[id].data
    }

    /// The element `id` is, if it is one.
    pub(super) fn element(&self, id: Id) -> Option<&Element> {
        match &self.nodes[id].data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The text of text node `id`, if it is one.
    pub(super) fn text(&self, id: Id) -> Option<&str> {
        match self.nodes[id].data {
            Data::Text(start, end) => self.text.get(start..end),
            _ => None,
        }
    }

    /// The source line of element `id` (0 for other nodes).
    pub(super) fn line(&self, id: Id) -> usize {
        self.element(id).map_or(0, |e| e.line)
    }

    /// The value of `attr` on `e`, if it has one.
    pub(super) fn attr(&self, e: &Element, attr: Attr) -> Option<&str> {
        self.attrs
            .get(e.attrs.0..e.attrs.1)
            .and_then(|a| a.iter().find(|(name, _)| *name == attr))
            .map(|(_, value)| &**value)
    }

    /// The parent of `id`, if it has one.
    pub(super) fn parent(&self, id: Id) -> Option<Id> {
        let p = self.nodes[id].parent;
        (p != NONE).then_some(p)
    }

    /// The children of `id`, in order.
    pub(super) fn children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        self.linked(self.nodes[id].first_child, |n| n.next)
    }

    /// The siblings before `id`, nearest first.
    pub(super) fn prev_siblings(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        self.linked(self.nodes[id].prev, |n| n.prev)
    }

    /// The nodes from `first` on, each reached from the one before by `step`,
    /// until [`NONE`].
    fn linked(&self, first: Id, step: fn(&Node) -> Id) -> impl Iterator<Item = Id> + '_ {
        let mut next = first;
        std::iter::from_fn(move || {
            let id = next;
            (id != NONE).then(|| {
                next = step(&self.nodes[id]);
                id
            })
        })
    }

    /// `id` and every node in it, in document order.
    pub(super) fn descendants(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        let root = id;
        let mut next = id;
        std::iter::from_fn(move || {
            let id = next;
            (id != NONE).then(|| {
                next = match self.nodes[id].first_child {
                    NONE => self.after(id, root),
                    child => child,
                };
                id
            })
        })
    }

    /// The first child of `id`, if it has one.
    pub(super) fn first_child(&self, id: Id) -> Option<Id> {
        let c = self.nodes[id].first_child;
        (c != NONE).then_some(c)
    }

    /// The node after `id` and everything in it, in document order, within
    /// `root`.
    pub(super) fn after_subtree(&self, id: Id, root: Id) -> Option<Id> {
        let next = self.after(id, root);
        (next != NONE).then_some(next)
    }

    /// [`Dom::after_subtree`], [`NONE`] at the end of `root`.
    fn after(&self, mut id: Id, root: Id) -> Id {
        loop {
            if id == root {
                return NONE;
            }
            let node = &self.nodes[id];
            if node.next != NONE {
                return node.next;
            }
            id = node.parent;
            if id == NONE {
                return NONE;
            }
        }
    }

    fn push(&mut self, data: Data) -> Id {
        self.nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        });
        self.nodes.len() - 1
    }

    fn create_element(&mut self, name: QualName, attrs: Vec<Attribute>, line: usize) -> Id {
        let local: &str = &name.local;
        let mut flags = 0;
        if super::is_block(local) {
            flags |= flag::BLOCK;
        }
        if super::is_furniture_element(local) || local == "footer" {
            flags |= flag::FURNITURE_NAME;
        }
        let start = self.attrs.len();
        for a in attrs {
            let (facts, keep) = attribute(&a.name, &a.value);
            flags |= facts;
            if let Some(key) = keep {
                self.attrs.push((key, a.value));
            }
        }
        let attrs = (start, self.attrs.len());
        self.push(Data::Element(Element {
            name,
            line,
            flags,
            attrs,
            template: NONE,
        }))
    }

    /// Takes `id` out of its parent's children.
    fn detach(&mut self, id: Id) {
        let Node { parent, prev, next, .. } = self.nodes[id];
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.nodes[parent].first_child = next;
        } else {
            self.nodes[prev].next = next;
        }
        if next == NONE {
            self.nodes[parent].last_child = prev;
        } else {
            self.nodes[next].prev = prev;
        }
        let node = &mut self.nodes[id];
        node.parent = NONE;
        node.prev = NONE;
        node.next = NONE;
    }

    /// Makes `child` the last child of `parent`.
    fn append_node(&mut self, parent: Id, child: Id) {
        if parent == child {
            return;
        }
        self.detach(child);
        let last = self.nodes[parent].last_child;
        {
            let node = &mut self.nodes[child];
            node.parent = parent;
            node.prev = last;
        }
        if last == NONE {
            self.nodes[parent].first_child = child;
        } else {
            self.nodes[last].next = child;
        }
        self.nodes[parent].last_child = child;
    }

    /// Puts `child` just before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: Id, child: Id) {
        if sibling == child {
            return;
        }
        self.detach(child);
        let Node { parent, prev, .. } = self.nodes[sibling];
        {
            let node = &mut self.nodes[child];
            node.parent = parent;
            node.prev = prev;
            node.next = sibling;
        }
        self.nodes[sibling].prev = child;
        if prev == NONE {
            self.nodes[parent].first_child = child;
        } else {
            self.nodes[prev].next = child;
        }
    }

    /// Adds `text` to text node `id` when that ends the text buffer (text
    /// arrives in pieces: around entities, at the parser's buffer ends);
    /// else false. Adjacent text nodes that cannot be joined so stay two,
    /// which reads the same.
    fn extend_text(&mut self, id: Id, text: &str) -> bool {
        if id == NONE {
            return false;
        }
        match &mut self.nodes[id].data {
            Data::Text(_, end) if *end == self.text.len() => {
                self.text.push_str(text);
                *end = self.text.len();
                true
            }
            _ => false,
        }
    }

    fn new_text(&mut self, text: &str) -> Id {
        let start = self.text.len();
        self.text.push_str(text);
        self.push(Data::Text(start, self.text.len()))
    }
}

/// html5ever's tree sink, building a [`Dom`].
struct Sink {
    dom: RefCell<Dom>,
    /// The line html5ever is at.
    line: Cell<u64>,
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        Ref::map(self.dom.borrow(), |dom| match dom.nodes.get(*target).map(|n| &n.data) {
            Some(Data::Element(e)) => &e.name,
            _ => &dom.no_name,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let line = usize::try_from(self.line.get()).unwrap_or(usize::MAX);
        let mut dom = self.dom.borrow_mut();
        let id = dom.create_element(name, attrs, line);
        if flags.template {
            let contents = dom.push(Data::Other);
            dom.append_node(id, contents);
            if let Data::Element(e) = &mut dom.nodes[id].data {
                e.template = contents;
            }
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.dom.borrow_mut().push(Data::Comment)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.dom.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(child) => dom.append_node(*parent, child),
            NodeOrText::AppendText(text) => {
                let last = dom.nodes[*parent].last_child;
                if !dom.extend_text(last, &text) {
                    let t = dom.new_text(&text);
                    dom.append_node(*parent, t);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self.dom.borrow().nodes[*element].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        match &self.dom.borrow().nodes[*target].data {
            Data::Element(e) if e.template != NONE => e.template,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let mut dom = self.dom.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            dom.detach(id);
        }
        if dom.nodes[*sibling].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => dom.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = dom.nodes[*sibling].prev;
                if !dom.extend_text(prev, &text) {
                    let t = dom.new_text(&text);
                    dom.insert_before(*sibling, t);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        let dom = &mut *dom;
        let Data::Element(e) = &mut dom.nodes[*target].data else {
            return;
        };
        // The kept attributes move to the end of the list, with the new ones.
        let (start, end) = e.attrs;
        let new_start = dom.attrs.len();
        for i in start..end {
            let a = dom.attrs[i].clone();
            dom.attrs.push(a);
        }
        for a in attrs {
            let (facts, keep) = attribute(&a.name, &a.value);
            let present = presence(facts);
            if present != 0 && e.flags & present != 0 {
                continue; // present already
            }
            if let Some(key) = keep {
                if dom.attrs[new_start..].iter().any(|(k, _)| *k == key) {
                    continue;
                }
                dom.attrs.push((key, a.value));
            }
            e.flags |= facts;
        }
        e.attrs = (new_start, dom.attrs.len());
    }

    fn remove_from_parent(&self, target: &Id) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        if node == new_parent {
            return;
        }
        let mut dom = self.dom.borrow_mut();
        while let Some(child) = Some(dom.nodes[*node].first_child).filter(|&c| c != NONE) {
            dom.append_node(*new_parent, child);
        }
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}
