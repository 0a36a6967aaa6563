import type { Page } from '@playwright/test';

export interface Box {
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
}

/** A node as cytoscape draws it, in canvas pixels. */
export interface DrawnNode {
  readonly label: string;
  /** The node and its label. */
  readonly box: Box;
  /** The label alone. */
  readonly labelBox: Box;
  readonly fontSize: number;
  /** False when the picture leaves its name out (NetworkCanvas's name placement). */
  readonly named: boolean;
}

/** Every node of the network picture and the canvas's size: cytoscape keeps its instance on the container element. */
export function drawnNodes(page: Page): Promise<{ nodes: DrawnNode[]; width: number; height: number }> {
  return page.getByTestId('network-canvas').evaluate((container) => {
    interface Node {
      data(key: string): unknown;
      renderedBoundingBox(options: { includeLabels: boolean; includeNodes?: boolean; includeOverlays?: boolean }): Box;
      renderedStyle(name: string): string;
      style(name: string): string;
    }
    const cy = (container as unknown as { _cyreg?: { cy?: { nodes(): Node[] } } })._cyreg?.cy;
    if (!cy) throw new Error('no cytoscape instance on the network canvas');
    const { width, height } = container.getBoundingClientRect();
    const nodes = cy.nodes().map((node) => ({
      label: String(node.data('label')),
      box: node.renderedBoundingBox({ includeLabels: true }),
      labelBox: node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false }),
      fontSize: parseFloat(node.renderedStyle('font-size')),
      named: node.style('label') !== '',
    }));
    return { nodes, width, height };
  });
}

export const boxesOverlap = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
