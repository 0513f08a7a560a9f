// Shift-drag on the background draws a rectangle; the nodes inside join the selection (as in
// Cytoscape's drawing). The rectangle is a plain element over the canvas.
export class BoxSelect {
  active = false;
  private x0 = 0;
  private y0 = 0;
  private x1 = 0;
  private y1 = 0;
  private readonly el: HTMLDivElement;

  constructor(container: HTMLElement) {
    this.el = document.createElement('div');
    this.el.className = 'box-select';
    this.el.setAttribute('aria-hidden', 'true');
    this.el.style.cssText =
      'position:absolute;display:none;pointer-events:none;z-index:2;border:1px solid var(--accent, #3b82f6);background:rgba(59,130,246,0.12);';
    container.appendChild(this.el);
  }

  start(x: number, y: number): void {
    this.active = true;
    this.x0 = this.x1 = x;
    this.y0 = this.y1 = y;
    this.draw();
  }

  move(x: number, y: number): void {
    this.x1 = x;
    this.y1 = y;
    this.draw();
  }

  /** Ends the drag; the rectangle in container pixels. */
  end(): { x1: number; y1: number; x2: number; y2: number } {
    this.active = false;
    this.el.style.display = 'none';
    return {
      x1: Math.min(this.x0, this.x1),
      y1: Math.min(this.y0, this.y1),
      x2: Math.max(this.x0, this.x1),
      y2: Math.max(this.y0, this.y1),
    };
  }

  dispose(): void {
    this.el.remove();
  }

  private draw(): void {
    const s = this.el.style;
    s.display = 'block';
    s.left = `${Math.min(this.x0, this.x1)}px`;
    s.top = `${Math.min(this.y0, this.y1)}px`;
    s.width = `${Math.abs(this.x1 - this.x0)}px`;
    s.height = `${Math.abs(this.y1 - this.y0)}px`;
  }
}
