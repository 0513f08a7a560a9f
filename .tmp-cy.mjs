import cytoscape from 'cytoscape';
const cy = cytoscape({ headless: true, styleEnabled: true, elements: { nodes: [{ data: { id: 'a' }, position: { x: 3, y: 4 } }], edges: [] } });
console.log(cy.getElementById('a').position());
const cy2 = cytoscape({ headless: true, elements: { nodes: [{ data: { id: 'a' }, position: { x: 3, y: 4 } }], edges: [] } });
console.log(cy2.getElementById('a').position());
