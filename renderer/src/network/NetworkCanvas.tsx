import { Box } from '@mantine/core';
import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';
import type { NetworkModel, NetworkNode } from '../../../shared/network/network-model';
import { NETWORK_STYLE, typeColour } from './cytoscape-style';

/** Room around the drawing, in screen pixels. */
const PADDING = 24;

/** Layout settings: no animation (it costs CPU on a shared laptop and moves targets under the pointer). */
const LAYOUT = { name: 'cose', animate: false, padding: PADDING, nodeDimensionsIncludeLabels: true } as const;

/** Labels stay this size on screen at any zoom: fitted to the canvas, a large region's picture drew them too small to read. */
const LABEL_PX = 12;

/**
 * Names never overlap: at region size (30 organisations, 150 people) 12 px
 * names fitted into one canvas ran into each other until none could be read.
 * So the picture names as many nodes as fit without touching another name,
 * organisations first and the best connected first (a greedy placement, as
 * maps place their labels), and the rest on hover, on selection, or once
 * zoomed in far enough that they fit. Every name is in the list below the
 * picture anyway. From this many people on, the panel says so.
 */
export const NAMED_PEOPLE_LIMIT = 40;

function toElements(model: NetworkModel): cytoscape.ElementDefinition[] {
  return [
    ...model.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.label, colour: typeColour(node.typeId) }, classes: node.kind })),
    ...model.edges.map((edge) => ({ group: 'edges' as const, data: { id: edge.id, source: edge.source, target: edge.target }, classes: edge.kind })),
  ];
}

type Box = cytoscape.BoundingBox12 & cytoscape.BoundingBoxWH;
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Names the nodes whose names fit without overlapping a name already placed; see NAMED_PEOPLE_LIMIT. */
function placeNames(cy: cytoscape.Core): void {
  cy.batch(() => cy.nodes().removeClass('unnamed'));
  const byPriority = cy
    .nodes()
    .toArray()
    .sort((a, b) => Number(b.hasClass('organisation')) - Number(a.hasClass('organisation')) || b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()));
  const placed: Box[] = [];
  const unnamed: cytoscape.NodeSingular[] = [];
  for (const node of byPriority) {
    if (node.selected()) continue;
    const box = node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
    if (placed.some((other) => overlaps(box, other))) unnamed.push(node);
    else placed.push(box);
  }
  cy.batch(() => {
    for (const node of unnamed) node.addClass('unnamed');
  });
}

/**
 * The network drawn by cytoscape on a canvas. The canvas is a picture only:
 * the same model is listed as text beside it for keyboards and screen
 * readers. Rebuilt only when the model's content changes, not on every
 * document update.
 */
export function NetworkCanvas({ model, label, onOpen }: { model: NetworkModel; label: string; onOpen: (node: NetworkNode) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  }, [onOpen]);
  const key = JSON.stringify(model);
  const stable = useMemo(() => JSON.parse(key) as NetworkModel, [key]);

  useEffect(() => {
    if (!container.current) return;
    const byId = new Map(stable.nodes.map((node) => [node.id, node]));
    const cy = cytoscape({ container: container.current, elements: toElements(stable), style: NETWORK_STYLE, layout: LAYOUT, minZoom: 0.3, maxZoom: 3, wheelSensitivity: 0.3 });
    cy.on('tap', 'node', (event) => {
      const node = byId.get((event.target as cytoscape.NodeSingular).id());
      if (node) onOpenRef.current(node);
    });
    cy.on('mouseover', 'node', () => {
      if (container.current) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      if (container.current) container.current.style.cursor = '';
    });
    const readableLabels = () =>
      cy
        .style()
        .selector('node')
        .style({ 'font-size': LABEL_PX / cy.zoom(), 'text-outline-width': 2 / cy.zoom() })
        .update();
    cy.on('zoom', readableLabels);
    // The section may be laid out after the picture was made (a lazy screen, a scrollbar that comes and goes):
    // the drawing follows the canvas's real size, all of it within the frame.
    const fitted = () => {
      cy.resize();
      // Label sizes follow the zoom and the fit follows the labels: a second pass settles both.
      for (let pass = 0; pass < 2; pass++) {
        readableLabels();
        cy.fit(undefined, PADDING);
      }
    };
    const nameWhatFits = () => placeNames(cy);
    cy.on('mouseover select', 'node', (event) => (event.target as cytoscape.NodeSingular).removeClass('unnamed'));
    cy.on('mouseout unselect', 'node', nameWhatFits);
    // Panning moves all names alike, so only a zoom changes which fit.
    cy.on('zoom', nameWhatFits);
    fitted();
    nameWhatFits();
    const observer = new ResizeObserver(() => {
      fitted();
      nameWhatFits();
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      cy.destroy();
    };
  }, [stable]);

  return <Box ref={container} role="img" aria-label={label} data-testid="network-canvas" h={480} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />;
}
