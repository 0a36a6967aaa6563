import type { StylesheetJson } from 'cytoscape';
import { stakeholderTypes } from '../../../shared/regions';

/** One colour per stakeholder type, in the taxonomy's order; each at least 4.5:1 against white, so a chosen filter chip's white text reads. */
const PALETTE = ['#1864ab', '#237032', '#c92a2a', '#862e9c', '#9c4f00', '#0b7285', '#4a7a0a', '#a61e4d', '#364fc7', '#5f3dc4', '#a63c06', '#495057'];
const UNAFFILIATED = '#868e96';

export function typeColour(typeId: string | undefined): string {
  if (typeId === undefined) return UNAFFILIATED;
  const index = stakeholderTypes.findIndex((type) => type.id === typeId);
  return index < 0 ? UNAFFILIATED : (PALETTE[index % PALETTE.length] ?? UNAFFILIATED);
}

export const NETWORK_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(colour)',
      color: '#212529',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      width: 22,
      height: 22,
    },
  },
  { selector: 'node.organisation', style: { shape: 'round-rectangle', width: 34, height: 34, 'font-weight': 'bold' } },
  // Names that would overlap another are left out of the picture until pointed at or zoomed in to (NetworkCanvas).
  { selector: 'node.unnamed', style: { label: '' } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#212529' } },
  { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'line-color': '#adb5bd' } },
  { selector: 'edge.introduced', style: { width: 2.5, 'line-color': '#0ca678', 'line-style': 'dashed' } },
  { selector: 'edge.invited', style: { width: 2, 'line-color': '#4263eb', 'line-style': 'dotted', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#4263eb' } },
  { selector: 'edge.shared-group', style: { width: 2, 'line-color': '#f08c00' } },
];
