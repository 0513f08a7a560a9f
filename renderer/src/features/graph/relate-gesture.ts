// Drawing a relation in the graph: Alt-drag (Option-drag on a Mac) from one organisation to
// another, in either drawing; a line follows the pointer, and letting go on another organisation
// asks for the relation's type (the relation form, its ends filled in). The gesture listens on the
// drawing's container in the capture phase and keeps the press to itself, so the drawing neither
// moves the node nor pans meanwhile.
export interface RelateTarget {
  id: string;
  type: string;
}

export function installRelateGesture(
  container: HTMLElement,
  nodeAt: (x: number, y: number) => RelateTarget | null,
  centreOf: (id: string) => { x: number; y: number } | null,
  related: (from: string, to: string) => void,
): () => void {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'relate-line');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;pointer-events:none;display:none;z-index:5';
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  line.setAttribute('stroke', '#d35400');
  line.setAttribute('stroke-width', '2');
  line.setAttribute('stroke-dasharray', '6 4');
  svg.appendChild(line);
  container.appendChild(svg);
  let from: RelateTarget | null = null;
  const local = (e: PointerEvent) => {
    const r = container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: PointerEvent) => {
    if (!e.altKey || e.button !== 0) return;
    const p = local(e);
    const hit = nodeAt(p.x, p.y);
    if (!hit || hit.type !== 'organisation') return;
    e.stopPropagation();
    e.preventDefault();
    from = hit;
    const c = centreOf(hit.id) ?? p;
    line.setAttribute('x1', String(c.x));
    line.setAttribute('y1', String(c.y));
    line.setAttribute('x2', String(p.x));
    line.setAttribute('y2', String(p.y));
    svg.style.display = 'block';
    container.dataset.relating = hit.id;
  };
  const move = (e: PointerEvent) => {
    if (!from) return;
    e.stopPropagation();
    const p = local(e);
    line.setAttribute('x2', String(p.x));
    line.setAttribute('y2', String(p.y));
  };
  const up = (e: PointerEvent) => {
    if (!from) return;
    e.stopPropagation();
    const start = from;
    from = null;
    svg.style.display = 'none';
    delete container.dataset.relating;
    const p = local(e);
    const hit = nodeAt(p.x, p.y);
    if (hit && hit.type === 'organisation' && hit.id !== start.id) related(start.id, hit.id);
  };
  // Cytoscape listens to mouse events, our canvas to pointer events: both are kept from the drawing.
  const swallow = (e: MouseEvent) => {
    if (from || (e.type === 'mousedown' && e.altKey && nodeAt(local(e as PointerEvent).x, local(e as PointerEvent).y))) e.stopPropagation();
  };
  container.addEventListener('pointerdown', down, true);
  window.addEventListener('pointermove', move, true);
  window.addEventListener('pointerup', up, true);
  for (const t of ['mousedown', 'mousemove', 'mouseup'] as const) container.addEventListener(t, swallow, true);
  return () => {
    container.removeEventListener('pointerdown', down, true);
    window.removeEventListener('pointermove', move, true);
    window.removeEventListener('pointerup', up, true);
    for (const t of ['mousedown', 'mousemove', 'mouseup'] as const) container.removeEventListener(t, swallow, true);
    svg.remove();
  };
}
