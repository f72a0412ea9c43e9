// The chart library, loaded only when a chart is first shown: bar charts and their styles.
export { BarChart } from 'chartist';
export type { BarChartOptions, BarDrawEvent } from 'chartist';
import 'chartist/dist/index.css';
