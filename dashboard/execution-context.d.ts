/** analytics.ts names the Worker's ExecutionContext in a method the page never calls; the page is typed against the DOM, not the Worker's types. */
interface ExecutionContext {}
