/** The smallest schema folder a build accepts: one source, one connector. For tests about folders, not connectors. */
export const ONE_CONNECTOR_SDL = `extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })
type Query {
  post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id")
}
type Post { id: ID! }
`;
