// Hand-written, firtool-style reference (SystemVerilog array ports) for the MacArray bench design with
// column sums as 32-bit chains (cosim bench MacArray, ColumnSum.CHAIN; MacArrayCoreTree.v is the tree): plain
// registers, each with its next-state logic inside its clocked block. Same behaviour as ours: weights load
// one row per cycle, products and valid/clear are registered, then each column's sum is added into (or
// clear zeroes) its 32-bit accumulator.
`timescale 1ns/1ps
`default_nettype none
module MacArrayCore #(
    parameter P = 4,        // rows: int8 activations per cycle
    parameter Q = 4,        // columns: accumulators
    parameter ROW_BITS = 2
) (
    input wire clk,
    input wire rst,
    input wire [7:0] x [0:P-1],     // int8 activations
    input wire x_valid,
    input wire clear,
    input wire w_we,
    input wire [ROW_BITS-1:0] w_row,
    input wire [8*Q-1:0] w_data,
    output wire [31:0] acc [0:Q-1]  // column accumulators
);
    reg valid_q;
    reg clear_q;
    always @(posedge clk) begin
        if (rst) begin
            valid_q <= 1'b0;
            clear_q <= 1'b0;
        end else begin
            valid_q <= x_valid;
            clear_q <= clear;
        end
    end

    genvar i, j;
    generate
        for (i = 0; i < P; i = i + 1) begin : row
            wire load = w_we && w_row == i;
            wire signed [15:0] xs = {{8{x[i][7]}}, x[i]};
            for (j = 0; j < Q; j = j + 1) begin : col
                reg signed [7:0] w;
                reg signed [15:0] prod;
                always @(posedge clk) begin
                    if (rst) begin
                        w <= 8'sd0;
                        prod <= 16'sd0;
                    end else begin
                        if (load) w <= w_data[8*j +: 8];
                        prod <= xs * {{8{w[7]}}, w};
                    end
                end
                // Column j's sum down to this row, read only by the accumulator.
                wire signed [31:0] sum;
                if (i == 0) begin : first
                    assign sum = {{16{prod[15]}}, prod};
                end else begin : next
                    assign sum = row[i - 1].col[j].sum + {{16{prod[15]}}, prod};
                end
            end
        end
        for (j = 0; j < Q; j = j + 1) begin : column
            reg signed [31:0] acc_q;
            always @(posedge clk) begin
                if (rst || clear_q) acc_q <= 32'sd0;
                else if (valid_q) acc_q <= acc_q + row[P - 1].col[j].sum;
            end
            assign acc[j] = acc_q;
        end
    endgenerate
endmodule
`default_nettype wire
