// Runs the layout the analyst chose on what is drawn.
import type { Core, LayoutOptions } from 'cytoscape';
import type { LayoutChoice } from '../../store/atlas';
import { layoutFor } from './layout';

export interface RunningLayout {
  name: string;
  stop(): void;
}

export function runChosenLayout(cy: Core, choice: LayoutChoice, onDone: () => void): RunningLayout {
  let options: LayoutOptions;
  switch (choice.name) {
    case 'circle':
      options = { name: 'circle', animate: false, padding: 30 } as LayoutOptions;
      break;
    case 'grid':
      options = { name: 'grid', animate: false, padding: 30 } as LayoutOptions;
      break;
    case 'concentric':
      options = { name: 'concentric', animate: false, concentric: (n: { data(k: string): number }) => n.data(choice.metric) ?? 0 } as LayoutOptions;
      break;
    case 'preset':
      options = { name: 'preset', positions: (n: { id(): string }) => choice.positions[n.id()] ?? { x: 0, y: 0 } } as LayoutOptions;
      break;
    default:
      options = layoutFor(cy);
  }
  const l = cy.layout(options);
  l.one('layoutstop', onDone);
  l.run();
  return { name: choice.name, stop: () => l.stop() };
}
