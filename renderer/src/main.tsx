// First, so that the first slice is asked before anything else is evaluated.
import './store/opening';
import './app/styles.css';

// The rest is evaluated in tasks of its own, one chunk after another: React's, then the app's
// (its code and the store), and Cytoscape's later, from GraphCanvas. In one task with the first
// slice's request, this was 250–330 ms of CPU (issue 17: no long task at the open).
void import('react-dom/client').then(() => import('./app/start'));
