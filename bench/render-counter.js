// Injected (Playwright addInitScript) before React loads, in the render-counting pass only:
// a minimal React DevTools hook that counts component renders in production builds, the way
// React DevTools does. After each commit it walks the parts of the fiber tree that changed and
// counts function, class, forwardRef and simple-memo fibers that were mounted or ran (the
// PerformedWork flag); a subtree whose child list is unchanged was skipped by React and is
// not walked. Each counted render is attributed to the field row (CSS selector per app) that
// holds its first DOM node, so "rows re-rendered while typing in one field" can be reported.
(() => {
  const PERFORMED_WORK = 1;
  // FunctionComponent, ClassComponent, ForwardRef, SimpleMemoComponent. MemoComponent (14) is
  // left out: its inner component is a fiber of its own and counts once there.
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
  const HOST_COMPONENT = 5;
  const state = { renders: 0, commits: 0, rowSelector: null, rows: new Map(), outside: 0 };

  function firstHostNode(fiber) {
    const stack = [fiber.child];
    while (stack.length) {
      const node = stack.pop();
      if (!node) continue;
      if (node.tag === HOST_COMPONENT) return node.stateNode;
      stack.push(node.sibling, node.child);
    }
    return null;
  }

  function record(fiber) {
    state.renders += 1;
    if (!state.rowSelector) return;
    const node = firstHostNode(fiber);
    const row = node?.closest ? node.closest(state.rowSelector) : null;
    if (row) state.rows.set(row, (state.rows.get(row) || 0) + 1);
    else state.outside += 1;
  }

  function visit(root) {
    const stack = [root];
    while (stack.length) {
      const fiber = stack.pop();
      const previous = fiber.alternate;
      if (COMPONENT_TAGS.has(fiber.tag) && (previous === null || (fiber.flags & PERFORMED_WORK) !== 0)) record(fiber);
      if (previous !== null && fiber.child === previous.child) continue;
      for (let child = fiber.child; child; child = child.sibling) stack.push(child);
    }
  }

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() {
      return 1;
    },
    onCommitFiberRoot(_id, root) {
      state.commits += 1;
      visit(root.current);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    checkDCE() {},
  };

  window.__renders = {
    /** Starts a new count; renders are attributed to the closest `rowSelector`. */
    reset(rowSelector) {
      Object.assign(state, { renders: 0, commits: 0, rowSelector, rows: new Map(), outside: 0 });
    },
    /** The count so far; `typedSelector` names the control typed into (its row is not "other"). */
    read(typedSelector) {
      const typed = typedSelector ? document.querySelector(typedSelector) : null;
      const typedRow = typed && state.rowSelector ? typed.closest(state.rowSelector) : null;
      let otherRows = 0;
      for (const row of state.rows.keys()) if (row !== typedRow) otherRows += 1;
      return {
        renders: state.renders,
        commits: state.commits,
        rows: state.rows.size,
        otherRows,
        outsideRows: state.outside,
        typedRowRenders: typedRow ? state.rows.get(typedRow) || 0 : 0,
      };
    },
  };
})();
