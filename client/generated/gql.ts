/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    id\n    status\n    total {\n      amount\n      currency\n    }\n    items {\n      quantity\n      product {\n        id\n        inventory {\n          available\n        }\n      }\n    }\n  }\n}": typeof types.PlaceOrderDocument,
    "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    category\n    price {\n      amount\n      currency\n    }\n    inventory {\n      available\n      inStock\n      updatedAt\n    }\n  }\n}": typeof types.ProductDocument,
    "query Products($first: Int = 5, $category: String) {\n  products(first: $first, category: $category) {\n    totalCount\n    nodes {\n      id\n      name\n      price {\n        amount\n        currency\n      }\n      inventory {\n        available\n        inStock\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ProductsDocument,
    "query ViewerOrders($first: Int = 10) {\n  viewer {\n    id\n    name\n    orders(first: $first) {\n      id\n      status\n      createdAt\n      total {\n        amount\n        currency\n      }\n      items {\n        quantity\n        product {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.ViewerOrdersDocument,
};
const documents: Documents = {
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    id\n    status\n    total {\n      amount\n      currency\n    }\n    items {\n      quantity\n      product {\n        id\n        inventory {\n          available\n        }\n      }\n    }\n  }\n}": types.PlaceOrderDocument,
    "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    category\n    price {\n      amount\n      currency\n    }\n    inventory {\n      available\n      inStock\n      updatedAt\n    }\n  }\n}": types.ProductDocument,
    "query Products($first: Int = 5, $category: String) {\n  products(first: $first, category: $category) {\n    totalCount\n    nodes {\n      id\n      name\n      price {\n        amount\n        currency\n      }\n      inventory {\n        available\n        inStock\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ProductsDocument,
    "query ViewerOrders($first: Int = 10) {\n  viewer {\n    id\n    name\n    orders(first: $first) {\n      id\n      status\n      createdAt\n      total {\n        amount\n        currency\n      }\n      items {\n        quantity\n        product {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.ViewerOrdersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    id\n    status\n    total {\n      amount\n      currency\n    }\n    items {\n      quantity\n      product {\n        id\n        inventory {\n          available\n        }\n      }\n    }\n  }\n}"): (typeof documents)["mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    id\n    status\n    total {\n      amount\n      currency\n    }\n    items {\n      quantity\n      product {\n        id\n        inventory {\n          available\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    category\n    price {\n      amount\n      currency\n    }\n    inventory {\n      available\n      inStock\n      updatedAt\n    }\n  }\n}"): (typeof documents)["query Product($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    category\n    price {\n      amount\n      currency\n    }\n    inventory {\n      available\n      inStock\n      updatedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Products($first: Int = 5, $category: String) {\n  products(first: $first, category: $category) {\n    totalCount\n    nodes {\n      id\n      name\n      price {\n        amount\n        currency\n      }\n      inventory {\n        available\n        inStock\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Products($first: Int = 5, $category: String) {\n  products(first: $first, category: $category) {\n    totalCount\n    nodes {\n      id\n      name\n      price {\n        amount\n        currency\n      }\n      inventory {\n        available\n        inStock\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerOrders($first: Int = 10) {\n  viewer {\n    id\n    name\n    orders(first: $first) {\n      id\n      status\n      createdAt\n      total {\n        amount\n        currency\n      }\n      items {\n        quantity\n        product {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query ViewerOrders($first: Int = 10) {\n  viewer {\n    id\n    name\n    orders(first: $first) {\n      id\n      status\n      createdAt\n      total {\n        amount\n        currency\n      }\n      items {\n        quantity\n        product {\n          id\n          name\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;